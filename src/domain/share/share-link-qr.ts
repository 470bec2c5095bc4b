/**
 * A QR code for a share link, as SVG text: pure (no DOM, no canvas), so it renders the same in the
 * app, in a test and in a printed handout. The UI shows it only when the link fits
 * ({@link QR_MAX_CHARS}); beyond that the code would be refused here anyway.
 */
import { toString as qrToString } from "qrcode";
import { QR_MAX_CHARS } from "./share-format.ts";

export type ShareLinkQrResult =
  | { ok: true; svg: string }
  | { ok: false; problem: { code: "too-large-for-qr"; chars: number; maxChars: number } };

/** SVG markup of a QR code (byte mode, error correction M) for the whole link. */
export async function shareLinkQrSvg(url: string): Promise<ShareLinkQrResult> {
  if (url.length > QR_MAX_CHARS) {
    return { ok: false, problem: { code: "too-large-for-qr", chars: url.length, maxChars: QR_MAX_CHARS } };
  }
  const svg = await qrToString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { ok: true, svg };
}
