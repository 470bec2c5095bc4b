/**
 * Reads a share link back into a variant, never trusting it: every way a link can be damaged or
 * made up ends in a problem code, not an exception or a half-read variant. Text stays plain text
 * (the UI must render it as text, never as HTML), and every geometry is normalised, checked, and
 * repaired where rounding to the grid made it invalid.
 */
import { Inflate, strFromU8 } from "fflate";
import { vertexCount } from "../geometry/area-geometry-parts.ts";
import { normalizeAreaGeometry } from "../geometry/normalize-area-geometry.ts";
import { repairAreaGeometry } from "../geometry/repair-area-geometry.ts";
import { isValidAreaGeometry } from "../geometry/validate-area-geometry.ts";
import { parseAreaGeometry } from "../validation/geometry.schema.ts";
import { fromBase64Url, isBase64UrlText, toBase64Url } from "./base64url.ts";
import { crc32 } from "./crc32.ts";
import {
  FIELD_CODES_V1,
  HEADER_BYTES,
  MAX_DECODE_CHARS,
  MAX_INFLATED_BYTES,
  MAX_SHARE_AREA_VERTICES,
  MAX_SHARE_REPAIR_VERTICES,
  MAX_SHARE_VERTICES,
  SHARE_LINK_PREFIX,
  SHARE_LINK_VERSION,
  type SharedArea,
  type SharedVariant,
  STATUS_CODES_V1,
} from "./share-format.ts";
import { type DeltaCursor, decodeGeometry } from "./wire-geometry.ts";

/** Why a link could not be read; codes for the UI to translate. */
export type ShareLinkProblemCode =
  /** No share link at all (no "pk<n>." prefix). */
  | "not-a-share-link"
  /** Changed on the way: a checksum does not match, or a character is not allowed. */
  | "corrupt"
  /** Cut off on the way: shorter than its header says. */
  | "truncated"
  /** Written by a newer version of the app (the version is in `detail`). */
  | "newer-version"
  /** Intact, but what it holds is not a variant (a made-up link); `detail` says what is wrong. */
  | "invalid-content"
  /** Longer than any link this code writes ({@link MAX_DECODE_CHARS}); not read at all. */
  | "too-long"
  /**
   * An area has more vertices than a link may carry, or needs repair and has more than
   * {@link MAX_SHARE_REPAIR_VERTICES}: refused before any repair (see `area`, `vertices`, `maxVertices`).
   */
  | "too-complex";

/** What is wrong with a link: a code, and for some codes the numbers to say it with. */
export interface ShareLinkProblem {
  code: ShareLinkProblemCode;
  /** Language-neutral detail: a version number, a character count, or what the content lacks. */
  detail?: string;
  /** "too-complex": the area (1-based), its vertices and the limit it broke. */
  area?: number;
  vertices?: number;
  maxVertices?: number;
}

export type DecodeShareLinkResult =
  | {
      ok: true;
      value: SharedVariant /** Areas whose geometry had to be repaired after rounding. */;
      repairedAreaCount: number;
    }
  | { ok: false; problem: ShareLinkProblem };

const HEX_COLOUR = /^[0-9a-f]{6}$/i;
const fail = (code: ShareLinkProblemCode, detail?: string): DecodeShareLinkResult => ({
  ok: false,
  problem: detail === undefined ? { code } : { code, detail },
});

/**
 * Reads a fragment ("pk1.…"), with or without "#", or a whole URL (everything after the first "#" is
 * read). White space is ignored, as mail clients wrap long links.
 */
export function decodeShareLink(link: string): DecodeShareLinkResult {
  if (typeof link !== "string") return fail("not-a-share-link");
  const hash = link.indexOf("#");
  const fragment = (hash === -1 ? link : link.slice(hash + 1)).replace(/\s+/g, "");
  const match = new RegExp(`^${SHARE_LINK_PREFIX}(\\d{1,6})\\.`).exec(fragment);
  if (match === null) return fail("not-a-share-link");
  const version = Number(match[1]);
  if (version > SHARE_LINK_VERSION) return fail("newer-version", String(version));
  if (version < 1) return fail("not-a-share-link");
  const text = fragment.slice(match[0].length);
  if (text.length > MAX_DECODE_CHARS) return fail("too-long", String(link.length));
  if (!isBase64UrlText(text)) return fail("corrupt", "character outside base64url");

  const bytes = fromBase64Url(text) as Uint8Array;
  if (bytes.length < HEADER_BYTES) return fail("truncated");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(7) !== crc32(bytes.subarray(0, 7))) return fail("corrupt", "header checksum");
  const bodyLength = (view.getUint8(0) << 16) | view.getUint16(1);
  const body = bytes.subarray(HEADER_BYTES);
  if (body.length < bodyLength) return fail("truncated");
  if (body.length > bodyLength || toBase64Url(bytes) !== text) return fail("corrupt", "length");
  if (view.getUint32(3) !== crc32(body)) return fail("corrupt", "body checksum");

  const json = inflateLimited(body);
  if (json === null) return fail("corrupt", "deflate");
  let wire: unknown;
  try {
    wire = JSON.parse(json);
  } catch {
    return fail("invalid-content", "not JSON");
  }
  return readVariant(wire);
}

/** The inflated text, or null when the body is not deflate data or inflates beyond the limit. */
function inflateLimited(body: Uint8Array): string | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  try {
    const inflater = new Inflate((chunk, final) => {
      total += chunk.length;
      if (total > MAX_INFLATED_BYTES) throw new Error("inflates too far");
      chunks.push(chunk);
      if (final) finished = true;
    });
    inflater.push(body, true);
  } catch {
    return null;
  }
  if (!finished) return null;
  const all = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  try {
    return strFromU8(all);
  } catch {
    return null;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

function readVariant(wire: unknown): DecodeShareLinkResult {
  if (!isRecord(wire)) return fail("invalid-content", "not an object");
  const { p, t, n, a } = wire;
  if (typeof p !== "string") return fail("invalid-content", "plan name");
  if (typeof n !== "string") return fail("invalid-content", "variant name");
  if (typeof t !== "string" || !Number.isFinite(Date.parse(t))) return fail("invalid-content", "frozen at");
  if (!Array.isArray(a)) return fail("invalid-content", "areas");
  const cursor: DeltaCursor = { x: 0, y: 0 };
  const areas: SharedArea[] = [];
  let repairedAreaCount = 0;
  let vertices = 0;
  for (const [index, item] of a.entries()) {
    const read = readArea(item, cursor);
    if (!read.ok) {
      if (read.tooComplex) {
        return { ok: false, problem: { code: "too-complex", area: index + 1, ...read.tooComplex } };
      }
      return fail("invalid-content", `areas[${index}]: ${read.detail}`);
    }
    vertices += vertexCount(read.area.geometry);
    if (vertices > MAX_SHARE_VERTICES) {
      return {
        ok: false,
        problem: { code: "too-complex", area: index + 1, vertices, maxVertices: MAX_SHARE_VERTICES },
      };
    }
    areas.push(read.area);
    if (read.repaired) repairedAreaCount++;
  }
  return { ok: true, value: { planName: p, variantName: n, frozenAt: t, areas }, repairedAreaCount };
}

function readArea(
  item: unknown,
  cursor: DeltaCursor,
):
  | { ok: true; area: SharedArea; repaired: boolean }
  | { ok: false; detail: string; tooComplex?: { vertices: number; maxVertices: number } } {
  if (!isRecord(item)) return { ok: false, detail: "not an object" };
  const { n, f = [], pa = [], s = 0, no = "", c, g } = item;
  if (typeof n !== "string") return { ok: false, detail: "name" };
  if (
    !Array.isArray(f) ||
    !f.every((code) => Number.isInteger(code) && code >= 0 && code < FIELD_CODES_V1.length)
  )
    return { ok: false, detail: "fields" };
  if (!isStringList(pa)) return { ok: false, detail: "partners" };
  if (!Number.isInteger(s) || (s as number) < 0 || (s as number) >= STATUS_CODES_V1.length)
    return { ok: false, detail: "status" };
  if (typeof no !== "string") return { ok: false, detail: "notes" };
  if (typeof c !== "string" || !HEX_COLOUR.test(c)) return { ok: false, detail: "colour" };
  const decoded = decodeGeometry(g, cursor);
  if (!decoded.ok) {
    return decoded.vertices === undefined
      ? { ok: false, detail: `geometry: ${decoded.detail}` }
      : {
          ok: false,
          detail: decoded.detail,
          tooComplex: { vertices: decoded.vertices, maxVertices: MAX_SHARE_AREA_VERTICES },
        };
  }
  let geometry = normalizeAreaGeometry(decoded.geometry);
  let repaired = false;
  if (geometry === null || !isValidAreaGeometry(geometry)) {
    const vertices = vertexCount(decoded.geometry);
    // Repair costs O(n²) and more: a broken area this large is refused before it starts.
    if (vertices > MAX_SHARE_REPAIR_VERTICES) {
      return {
        ok: false,
        detail: "too complex to repair",
        tooComplex: { vertices, maxVertices: MAX_SHARE_REPAIR_VERTICES },
      };
    }
    geometry = repairAreaGeometry(decoded.geometry).geometry;
    repaired = true;
  }
  if (geometry === null) return { ok: false, detail: "geometry: empty" };
  // What the app takes from a link passes the same geometry schema as a stored plan.
  const checked = parseAreaGeometry(geometry);
  if (!checked.ok) return { ok: false, detail: `geometry: ${checked.problem.code}` };
  const fields = [...new Set(f as number[])].map(
    (code) => FIELD_CODES_V1[code] as SharedArea["fields"][number],
  );
  return {
    ok: true,
    repaired,
    area: {
      name: n,
      fields,
      partners: [...pa],
      status: STATUS_CODES_V1[s as number] as SharedArea["status"],
      notes: no,
      colour: `#${c.toLowerCase()}`,
      geometry,
    },
  };
}
