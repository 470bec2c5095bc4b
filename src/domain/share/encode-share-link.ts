/**
 * Writes one variant into a share link fragment (format in `share-format.ts`). Pure: no DOM, no
 * network; the caller adds the fragment to its own URL after a "#".
 */
import { deflateSync, strToU8 } from "fflate";
import { AREA_COLOURS, type Variant } from "../model/plan.ts";
import { toBase64Url } from "./base64url.ts";
import { crc32 } from "./crc32.ts";
import {
  ASSUMED_URL_PREFIX_CHARS,
  FIELD_CODES_V1,
  HEADER_BYTES,
  QR_MAX_CHARS,
  SHARE_LINK_MAX_CHARS,
  SHARE_LINK_PREFIX,
  SHARE_LINK_VERSION,
  STATUS_CODES_V1,
  type WireAreaV1,
  type WireVariantV1,
} from "./share-format.ts";
import { type DeltaCursor, encodeGeometry } from "./wire-geometry.ts";

/** What goes into a link. */
export interface ShareLinkInput {
  planName: string;
  /** ISO 8601 time at which the figures were frozen ("Stand"). */
  frozenAt: string;
  variant: Pick<Variant, "name" | "areaOrder" | "areas">;
}

export interface ShareLinkOptions {
  /**
   * The URL the fragment is appended to, up to and including "#", to count the whole link against
   * the limits; {@link ASSUMED_URL_PREFIX_CHARS} characters are assumed without it.
   */
  urlPrefix?: string;
}

export type EncodeShareLinkResult =
  | {
      ok: true;
      /** The fragment, without "#". */
      fragment: string;
      /** Characters of the whole link (URL prefix and fragment). */
      chars: number;
      /** Whether the whole link fits one QR code ({@link QR_MAX_CHARS}). */
      fitsQr: boolean;
      /** Areas left out because nothing of them remained on the 1e-6° grid (sub-decimetre slivers). */
      skippedAreaCount: number;
    }
  | { ok: false; problem: { code: "too-large"; chars: number; maxChars: number } };

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** The variant as the JSON a version 1 link holds. */
function toWire(input: ShareLinkInput): { wire: WireVariantV1; skipped: number } {
  const cursor: DeltaCursor = { x: 0, y: 0 };
  const areas: WireAreaV1[] = [];
  let skipped = 0;
  for (const id of input.variant.areaOrder) {
    const area = input.variant.areas[id];
    if (area === undefined) continue;
    const g = encodeGeometry(area.geometry, cursor);
    if (g.length === 0) {
      skipped++;
      continue;
    }
    const colour = HEX_COLOUR.test(area.colour) ? area.colour : (AREA_COLOURS[0] as string);
    const wire: WireAreaV1 = { n: area.name, c: colour.slice(1).toLowerCase(), g };
    const fields = area.fields.map((field) => FIELD_CODES_V1.indexOf(field)).filter((code) => code >= 0);
    if (fields.length > 0) wire.f = fields;
    if (area.partners.length > 0) wire.pa = [...area.partners];
    const status = STATUS_CODES_V1.indexOf(area.status);
    if (status > 0) wire.s = status;
    if (area.notes !== "") wire.no = area.notes;
    areas.push(wire);
  }
  return { wire: { p: input.planName, t: input.frozenAt, n: input.variant.name, a: areas }, skipped };
}

/** Header (length, CRC of the body, CRC of those) followed by the body. */
export function frameBody(body: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES + body.length);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, (body.length >>> 16) & 0xff);
  view.setUint16(1, body.length & 0xffff);
  view.setUint32(3, crc32(body));
  view.setUint32(7, crc32(bytes.subarray(0, 7)));
  bytes.set(body, HEADER_BYTES);
  return bytes;
}

/** The fragment for a variant, or "too-large" when the whole link would exceed {@link SHARE_LINK_MAX_CHARS}. */
export function encodeShareLink(
  input: ShareLinkInput,
  options: ShareLinkOptions = {},
): EncodeShareLinkResult {
  const { wire, skipped } = toWire(input);
  const body = deflateSync(strToU8(JSON.stringify(wire)), { level: 9 });
  const fragment = `${SHARE_LINK_PREFIX}${SHARE_LINK_VERSION}.${toBase64Url(frameBody(body))}`;
  const chars = (options.urlPrefix?.length ?? ASSUMED_URL_PREFIX_CHARS) + fragment.length;
  if (chars > SHARE_LINK_MAX_CHARS) {
    return { ok: false, problem: { code: "too-large", chars, maxChars: SHARE_LINK_MAX_CHARS } };
  }
  return { ok: true, fragment, chars, fitsQr: chars <= QR_MAX_CHARS, skippedAreaCount: skipped };
}
