/**
 * The size check of `npm run lint` (scripts/check-size.mjs), run as a program on sample sources in a
 * temporary folder: files over 400 lines and functions over 120 lines fail it, unless its allow-list
 * lets them stay at their listed size; an allow-list entry that grew or that is no longer needed fails.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const script = resolve(import.meta.dirname, "../../../scripts/check-size.mjs");

let folder = "";
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "check-size-"));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** Writes `files` (paths under src/) and an allow-list, runs the check, returns its exit code and output. */
function check(files: Record<string, string>, allowed: Record<string, number> = {}) {
  for (const [path, text] of Object.entries(files)) {
    const full = join(folder, "src", path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  const allowList = join(folder, "allowlist.json");
  writeFileSync(allowList, JSON.stringify({ allowed }));
  const run = spawnSync(process.execPath, [script, "--src", join(folder, "src"), "--allowlist", allowList], {
    encoding: "utf8",
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** A source of `lines` lines (each a statement). */
const lines = (count: number, line = "export const x = 1;") => `${Array(count).fill(line).join("\n")}\n`;

/** A function declaration spanning exactly `count` lines. */
function functionOf(name: string, count: number) {
  return `export function ${name}() {\n${Array(count - 2)
    .fill("  console.log(1);")
    .join("\n")}\n}\n`;
}

describe("check-size", () => {
  describe("files", () => {
    it("passes a file of exactly 400 lines", () => {
      expect(check({ "ui/a.ts": lines(400) })).toMatchObject({ status: 0 });
    });

    it("fails a TypeScript file of 401 lines and names it with its count", () => {
      const result = check({ "ui/a.ts": lines(401) });
      expect(result.status).toBe(1);
      expect(result.output).toContain("src/ui/a.ts: 401 lines (limit 400)");
    });

    it("counts style sheets too", () => {
      const result = check({ "ui/Panel.css": lines(401, ".x { color: red; }") });
      expect(result.status).toBe(1);
      expect(result.output).toContain("src/ui/Panel.css: 401 lines");
    });
  });

  describe("functions", () => {
    it("passes a function of exactly 120 lines", () => {
      expect(check({ "ui/f.ts": functionOf("short", 120) })).toMatchObject({ status: 0 });
    });

    it("fails a function of 121 lines and names it", () => {
      const result = check({ "ui/f.ts": functionOf("long", 121) });
      expect(result.status).toBe(1);
      expect(result.output).toContain("src/ui/f.ts › long (line 1): 121 lines (limit 120)");
    });

    it("names an arrow function by its variable and a callback by its call, nested in its component", () => {
      const body = Array(125).fill("    console.log(1);").join("\n");
      const source = `import { useEffect } from "react";
export const Panel = () => {
  useEffect(() => {
${body}
  }, []);
  return <p>{"{ not a brace }"}</p>;
};
`;
      const result = check({ "ui/Panel.tsx": source });
      expect(result.status).toBe(1);
      expect(result.output).toContain("src/ui/Panel.tsx › Panel (line 2)");
      expect(result.output).toContain("src/ui/Panel.tsx › Panel › useEffect(…) callback (line 3): 127 lines");
    });
  });

  describe("allow-list", () => {
    it("lets a listed offender stay at its listed size and says it is still to be split", () => {
      const result = check({ "map/a.ts": lines(450) }, { "src/map/a.ts": 450 });
      expect(result.status).toBe(0);
      expect(result.output).toContain("src/map/a.ts: 450 lines");
    });

    it("fails a listed offender that grew past its listed size", () => {
      const result = check({ "map/a.ts": lines(451) }, { "src/map/a.ts": 450 });
      expect(result.status).toBe(1);
      expect(result.output).toContain("more than the 450 its allow-list entry allows");
    });

    it("fails an entry that is no longer needed, so that the list only shrinks", () => {
      const result = check({ "map/a.ts": lines(300) }, { "src/map/a.ts": 450 });
      expect(result.status).toBe(1);
      expect(result.output).toContain(
        "src/map/a.ts: within the limits now (or gone): delete its allow-list entry",
      );
    });
  });
});
