/**
 * The share link format, version 1: what a link holds, its limits, and the code tables that keep it
 * short. A link carries one variant with the plan's name and the time its figures were frozen
 * ("Stand"), nothing else: no ids, no times of areas, no origin. Nothing goes to a server; the whole
 * variant travels in the URL fragment, which browsers never send with the request.
 *
 * Layout: `pk1.` + base64url(header ‖ deflate(JSON)). The header is 11 bytes: the length of the
 * deflated body (3 bytes), its CRC-32 (4 bytes), and a CRC-32 of those 7 bytes (4 bytes), so that a
 * cut-off link ("truncated") can be told from a changed one ("corrupt") without trusting a length
 * that may itself be damaged.
 *
 * The tables below are part of format version 1: DO NOT REORDER OR RENAME. A new field or status
 * goes to the end; anything else needs version 2 (and `decodeShareLink` keeps reading version 1).
 */
import type { AllianceField } from "../model/catalogue.ts";
import type { AreaGeometry, AreaStatus } from "../model/plan.ts";

/** Text before the version number. */
export const SHARE_LINK_PREFIX = "pk";
/** The version this code writes; links with a higher number come from a newer app. */
export const SHARE_LINK_VERSION = 1;

/**
 * Longest link (whole URL, prefix and fragment) that {@link encodeShareLink} produces: 8,000
 * characters. Chromium accepts URLs up to 2 MB, but mail clients, chat tools and URL shorteners cut
 * or refuse links beyond about 8,000 characters (RFC 9110 §4.1 asks for at least 8,000 octets), and
 * a link that arrives cut is worse than no link. Larger variants go out as a file.
 */
export const SHARE_LINK_MAX_CHARS = 8_000;

/**
 * Longest link (whole URL) that still fits one QR code: 2,331 characters. Byte mode with error
 * correction level M (15 % of the code may be covered or dirty, which a projected or printed code
 * needs) holds 2,331 bytes at version 40; level L would hold 2,953 but fails on a smudged printout.
 * A link is plain ASCII, so characters are bytes.
 */
export const QR_MAX_CHARS = 2_331;

/**
 * Characters assumed for the URL before the fragment (`https://host/path/#`) when the caller does
 * not pass it: generous for a GitHub Pages or city intranet address.
 */
export const ASSUMED_URL_PREFIX_CHARS = 100;

/** Coordinates are rounded to whole multiples of 1e-6°: at most 5.6 cm off in Dortmund. */
export const COORDINATE_SCALE = 1_000_000;

/** Header bytes before the deflated body. */
export const HEADER_BYTES = 11;

/**
 * Longest fragment that {@link decodeShareLink} reads, and most bytes it inflates: far above any link
 * this code writes, low enough that a hostile link cannot make the tab inflate gigabytes.
 */
export const MAX_DECODE_CHARS = 64_000;
export const MAX_INFLATED_BYTES = 2_000_000;

/**
 * Most vertices a link may carry, all areas together, and per area. A link this code writes holds a
 * few thousand at most (it stops at 8,000 characters); deltas of a regular shape deflate so well that
 * a 772-character link can carry 20,000.
 */
export const MAX_SHARE_VERTICES = 200_000;
export const MAX_SHARE_AREA_VERTICES = 100_000;

/**
 * Most vertices of an area that needs repair after decoding (as in the import). Finding and splitting
 * self-crossings costs O(n²) and more: a 2,000-vertex comb took 25 s. Larger broken areas are refused
 * before any repair; smaller ones are repaired in a worker that the page stops after a few seconds
 * (`src/ui/share/share-link-client.ts`).
 */
export const MAX_SHARE_REPAIR_VERTICES = 10_000;

/** Alliance fields by their code in a version 1 link (the index). DO NOT REORDER. */
export const FIELD_CODES_V1: readonly AllianceField[] = [
  "energie",
  "mobilitaet",
  "mensch",
  "it-buergerservice",
  "infrastruktur-sicherheit",
];

/** Area statuses by their code in a version 1 link (the index). DO NOT REORDER. */
export const STATUS_CODES_V1: readonly AreaStatus[] = ["idee", "kandidat", "abgestimmt", "verworfen"];

/** One area as a link carries it. */
export interface SharedArea {
  name: string;
  fields: AllianceField[];
  partners: string[];
  status: AreaStatus;
  notes: string;
  /** "#rrggbb", lower case. */
  colour: string;
  /** Valid, RFC 7946 winding, coordinates on the 1e-6° grid. */
  geometry: AreaGeometry;
}

/** One variant as a link carries it. */
export interface SharedVariant {
  planName: string;
  variantName: string;
  /** ISO 8601 time at which the shown figures were frozen ("Stand"). */
  frozenAt: string;
  areas: SharedArea[];
}

/**
 * The JSON inside a version 1 link, with short keys. Optional keys are left out at their default
 * (no fields, no partners, status "idee", no notes). DO NOT RENAME KEYS.
 */
export interface WireVariantV1 {
  /** Plan name. */
  p: string;
  /** Frozen at (ISO 8601). */
  t: string;
  /** Variant name. */
  n: string;
  a: WireAreaV1[];
}

export interface WireAreaV1 {
  n: string;
  /** Field codes ({@link FIELD_CODES_V1}). */
  f?: number[];
  /** Partners. */
  pa?: string[];
  /** Status code ({@link STATUS_CODES_V1}). */
  s?: number;
  /** Notes. */
  no?: string;
  /** Colour as "rrggbb". */
  c: string;
  /**
   * Parts → rings → flat integer list [dx, dy, dx, dy, …] in 1e-6° steps, each pair relative to the
   * position before it. The running position carries on across rings, parts and areas (starting at
   * 0, 0), and rings are open (the closing position is implied).
   */
  g: number[][][];
}
