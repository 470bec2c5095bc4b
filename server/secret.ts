/**
 * The server's signing secret: from PILOTKARTE_SYNC_SECRET when set, otherwise generated on the first
 * start and kept in `<data folder>/secret` with mode 0600 (readable by the server's user only).
 * Changing or losing the secret invalidates every invitation link.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Shortest secret accepted from the environment (32 bytes of entropy as hex is 64 characters). */
const MIN_SECRET_LENGTH = 32;

export interface LoadedSecret {
  secret: Buffer;
  source: "environment" | "file" | "generated";
}

export function loadOrCreateSecret(dataDir: string, fromEnvironment?: string): LoadedSecret {
  if (fromEnvironment !== undefined && fromEnvironment !== "") {
    if (fromEnvironment.length < MIN_SECRET_LENGTH) {
      throw new Error(
        `PILOTKARTE_SYNC_SECRET is too short (${fromEnvironment.length} characters, at least ${MIN_SECRET_LENGTH})`,
      );
    }
    return { secret: Buffer.from(fromEnvironment, "utf8"), source: "environment" };
  }
  const path = join(dataDir, "secret");
  if (existsSync(path)) {
    // Someone may have copied the folder with looser permissions: tighten them again.
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    const text = readFileSync(path, "utf8").trim();
    if (text.length < MIN_SECRET_LENGTH) throw new Error(`${path} holds no usable secret`);
    return { secret: Buffer.from(text, "utf8"), source: "file" };
  }
  const text = randomBytes(32).toString("hex");
  // "wx": never overwrite a secret another process wrote in the meantime.
  writeFileSync(path, `${text}\n`, { mode: 0o600, flag: "wx" });
  return { secret: Buffer.from(text, "utf8"), source: "generated" };
}
