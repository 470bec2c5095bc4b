#!/usr/bin/env node
/**
 * Keeps files and functions small enough to read: no file under src/ (.ts, .tsx, .css) over
 * MAX_FILE_LINES lines and no function over MAX_FUNCTION_LINES lines (from the line of its first token
 * to the line of its last, nested functions included, as ESLint's max-lines-per-function counts).
 * Functions are found with the TypeScript/TSX parser that ships with Vite (oxc, `parseSync`).
 *
 * Offenders that other people are still splitting are listed in scripts/size-allowlist.json, each
 * with its size when it was listed. The list can only shrink: an entry fails the check when its file
 * or function grows past the listed size, and when it is no longer an offender (then delete the
 * entry). Never add an entry for new code: split it instead.
 *
 * Exits 1 with a list of offenders; `--list` prints every offender as JSON (to update the allow-list).
 * `--src <dir>` and `--allowlist <file>` check another folder (the unit test uses them).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseSync } from "vite";

const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 120;

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Lines of a text as an editor numbers them (a final newline does not start a line). */
function countLines(text) {
  if (text.length === 0) return 0;
  const breaks = text.split("\n").length - 1;
  return text.endsWith("\n") ? breaks : breaks + 1;
}

const FUNCTION_TYPES = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

/** A readable name for a function node, from its own name or from where it stands. */
function nameOf(node, parent, grandparent) {
  if (node.id?.name) return node.id.name;
  if (parent?.type === "VariableDeclarator" && parent.id?.type === "Identifier") return parent.id.name;
  if ((parent?.type === "Property" || parent?.type === "MethodDefinition") && parent.key) {
    return parent.key.name ?? parent.key.value ?? "(computed)";
  }
  if (parent?.type === "PropertyDefinition" && parent.key) return parent.key.name ?? "(computed)";
  if (parent?.type === "CallExpression") {
    const callee = parent.callee;
    const called =
      callee.type === "Identifier"
        ? callee.name
        : callee.type === "MemberExpression" && callee.property?.type === "Identifier"
          ? callee.property.name
          : "call";
    // `memo(function …)`, `forwardRef(…)`: name the callback after what it is assigned to.
    if (grandparent?.type === "VariableDeclarator" && grandparent.id?.type === "Identifier") {
      return `${grandparent.id.name} (${called} callback)`;
    }
    return `${called}(…) callback`;
  }
  if (parent?.type === "JSXExpressionContainer") return "JSX callback";
  return "anonymous";
}

/**
 * Every function in a TypeScript or TSX source with its name (nested names joined with " › ") and
 * length in lines.
 */
function measureFunctions(text, fileName = "file.tsx") {
  const lang = fileName.endsWith(".tsx") ? "tsx" : "ts";
  const result = parseSync(fileName, text, { lang });
  if (result.errors.length > 0) {
    throw new Error(`${fileName}: cannot parse (${result.errors[0]?.message ?? "syntax error"})`);
  }
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const lineOf = (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  const found = [];
  const visit = (node, parent, grandparent, path) => {
    if (!node || typeof node.type !== "string") return;
    let nextPath = path;
    if (FUNCTION_TYPES.has(node.type)) {
      const name = nameOf(node, parent, grandparent);
      nextPath = [...path, name];
      const start = lineOf(node.start);
      const end = lineOf(Math.max(node.start, node.end - 1));
      found.push({ name: nextPath.join(" › "), line: start, lines: end - start + 1 });
    }
    for (const key of Object.keys(node)) {
      if (key === "parent") continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (const child of value)
          if (child && typeof child === "object") visit(child, node, parent, nextPath);
      } else if (value && typeof value === "object" && typeof value.type === "string") {
        visit(value, node, parent, nextPath);
      }
    }
  };
  visit(result.program, null, null, []);
  return found;
}

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|css)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Files and functions over the limits under `srcDir`, as `{ key, kind, size, limit }`. */
function findOffenders(srcDir, base) {
  const offenders = [];
  for (const file of sourceFiles(srcDir).sort()) {
    const text = readFileSync(file, "utf8");
    const rel = relative(base, file);
    const lines = countLines(text);
    if (lines > MAX_FILE_LINES)
      offenders.push({ key: rel, kind: "file", size: lines, limit: MAX_FILE_LINES });
    if (file.endsWith(".css")) continue;
    const seen = new Map();
    for (const fn of measureFunctions(text, file)) {
      if (fn.lines <= MAX_FUNCTION_LINES) continue;
      // Two offenders with one name in a file (rare) are told apart by their order.
      const count = (seen.get(fn.name) ?? 0) + 1;
      seen.set(fn.name, count);
      const key = `${rel} › ${fn.name}${count > 1 ? ` #${count}` : ""}`;
      offenders.push({ key, kind: "function", size: fn.lines, limit: MAX_FUNCTION_LINES, line: fn.line });
    }
  }
  return offenders;
}

/**
 * Compares the offenders with the allow-list (`{ key: size }`): what is over the limits and not
 * allowed, what grew past its listed size, and listed entries that are no longer offenders.
 */
function judge(offenders, allowList) {
  const problems = [];
  const allowed = [];
  const current = new Map(offenders.map((o) => [o.key, o]));
  for (const offender of offenders) {
    const listed = allowList[offender.key];
    const where = offender.line ? ` (line ${offender.line})` : "";
    if (listed === undefined) {
      problems.push(`${offender.key}${where}: ${offender.size} lines (limit ${offender.limit})`);
    } else if (offender.size > listed) {
      problems.push(
        `${offender.key}${where}: ${offender.size} lines, more than the ${listed} its allow-list entry allows (limit ${offender.limit})`,
      );
    } else {
      allowed.push(offender);
    }
  }
  for (const key of Object.keys(allowList)) {
    if (!current.has(key)) {
      problems.push(`${key}: within the limits now (or gone): delete its allow-list entry`);
    }
  }
  return { problems, allowed };
}

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] ? resolve(process.argv[index + 1]) : fallback;
}

const srcDir = option("--src", join(root, "src"));
const base = dirname(srcDir);
const offenders = findOffenders(srcDir, base);
if (process.argv.includes("--list")) {
  console.log(JSON.stringify(Object.fromEntries(offenders.map((o) => [o.key, o.size])), null, 2));
  process.exit(0);
}
const allowListFile = option("--allowlist", join(root, "scripts/size-allowlist.json"));
const allowList = JSON.parse(readFileSync(allowListFile, "utf8")).allowed;
const { problems, allowed } = judge(offenders, allowList);
if (allowed.length > 0) {
  console.log(
    `Size limits: ${allowed.length} listed offender(s) still to be split (${relative(process.cwd(), allowListFile)}):\n  ${allowed
      .map((o) => `${o.key}: ${o.size} lines`)
      .join("\n  ")}`,
  );
}
if (problems.length > 0) {
  console.error(
    `Size limits (files ${MAX_FILE_LINES} lines, functions ${MAX_FUNCTION_LINES} lines) exceeded:\n  ${problems.join("\n  ")}`,
  );
  process.exit(1);
}
console.log("Size limits ok.");
