/**
 * Reads a share link in a worker (`src/workers/share.worker.ts`), one worker per link, stopped after
 * {@link SHARE_DECODE_TIMEOUT_MS}: the page stays responsive whatever the link holds, and a link whose
 * repair would take too long ends in a message ("too-slow") instead of a frozen tab.
 */
import { wrap } from "comlink";
import { type DecodeShareLinkResult, decodeShareLink } from "../../domain/share/decode-share-link.ts";
import type { ShareWorkerApi } from "../../workers/share.worker.ts";

/** Longest a link may take to read and repair (ms); a legitimate link takes well under a second. */
export const SHARE_DECODE_TIMEOUT_MS = 8_000;

/** What reading a link ends in: the decoder's answer, or "too-slow" when the worker was stopped. */
export type ShareDecodeOutcome =
  | DecodeShareLinkResult
  | { ok: false; problem: { code: "too-slow"; detail: string } };

export async function decodeShareLinkOffThread(
  link: string,
  timeoutMs = SHARE_DECODE_TIMEOUT_MS,
): Promise<ShareDecodeOutcome> {
  let worker: Worker;
  try {
    worker = new Worker(new URL("../../workers/share.worker.ts", import.meta.url), { type: "module" });
  } catch {
    // No module workers (a very old browser): read it here, as before.
    return decodeShareLink(link);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const api = wrap<ShareWorkerApi>(worker);
    const failed = new Promise<never>((_, reject) =>
      worker.addEventListener("error", (event) => reject(new Error(event.message))),
    );
    const tooSlow = new Promise<ShareDecodeOutcome>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({ ok: false, problem: { code: "too-slow", detail: String(Math.round(timeoutMs / 1000)) } }),
        timeoutMs,
      );
    });
    return await Promise.race([api.decode(link), tooSlow, failed]);
  } catch {
    // The worker could not be loaded or died: the link is not read (the page must not freeze).
    return { ok: false, problem: { code: "too-slow", detail: String(Math.round(timeoutMs / 1000)) } };
  } finally {
    if (timer) clearTimeout(timer);
    worker.terminate();
  }
}
