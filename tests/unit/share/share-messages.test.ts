import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ShareLinkProblemCode } from "../../../src/domain/share/decode-share-link.ts";
import { shareDe } from "../../../src/i18n/messages/share-de.ts";
import { shareEn } from "../../../src/i18n/messages/share-en.ts";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const de = flatten(shareDe as Tree);
const en = flatten(shareEn as Tree);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith(".tsx") || entry.name.endsWith(".ts")
        ? [readFileSync(join(dir, entry.name), "utf8")]
        : [],
  );
}

describe("share messages", () => {
  it("have the same placeholders in German and English, and no empty text", () => {
    for (const [key, text] of de) {
      expect(text.trim(), key).not.toBe("");
      expect(placeholders(en.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });

  it("cover every key the share and one-pager code asks for", () => {
    const code = [...sources("src/ui/share"), ...sources("src/ui/onepager")].join("\n");
    const used = new Set(
      [...code.matchAll(/"share\.([\w.-]+)"/g)].map((m) => m[1] as string).filter((k) => !k.endsWith(".")),
    );
    expect(used.size).toBeGreaterThan(40);
    // Plural keys (i18next `count`) live as key_one / key_other.
    const missing = [...used].filter((k) => !de.has(k) && !(de.has(`${k}_one`) && de.has(`${k}_other`)));
    expect(missing).toEqual([]);
  });

  it("explain every problem a share link can have", () => {
    const codes: ShareLinkProblemCode[] = [
      "not-a-share-link",
      "corrupt",
      "truncated",
      "newer-version",
      "invalid-content",
    ];
    for (const code of codes) {
      expect(de.has(`view.problems.${code}`), code).toBe(true);
      expect(en.has(`view.problems.${code}`), code).toBe(true);
    }
  });
});
