import { toString as qrToString } from "qrcode";
import { describe, expect, it } from "vitest";
import { decodeShareLink } from "../../../src/domain/share/decode-share-link.ts";
import { encodeShareLink } from "../../../src/domain/share/encode-share-link.ts";
import { QR_MAX_CHARS } from "../../../src/domain/share/share-format.ts";
import { shareLinkQrSvg } from "../../../src/domain/share/share-link-qr.ts";
import { sharedVariantToVariant } from "../../../src/domain/share/shared-variant-to-variant.ts";
import { makeArea, makeVariant, NOW, starRing } from "./share-fixtures.ts";

describe("share link QR code", () => {
  it("draws a link that fits as SVG markup", async () => {
    const result = await shareLinkQrSvg(`https://example.org/#pk1.${"A".repeat(1500)}`);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.svg.startsWith("<svg")).toBe(true);
      expect(result.svg).toContain("<path");
    }
  });

  it("refuses a link longer than one QR code holds at error correction M", async () => {
    const url = `https://example.org/#pk1.${"A".repeat(QR_MAX_CHARS)}`;
    expect(await shareLinkQrSvg(url)).toEqual({
      ok: false,
      problem: { code: "too-large-for-qr", chars: url.length, maxChars: QR_MAX_CHARS },
    });
  });

  it("draws the longest link it accepts (the limit is real for qrcode, too)", async () => {
    // Lower-case letters and "-" force byte mode, as in a real link (upper case alone would go alphanumeric).
    const url = `https://example.org/#pk1.${"ab-".repeat(QR_MAX_CHARS).slice(0, QR_MAX_CHARS - 25)}`;
    expect(url.length).toBe(QR_MAX_CHARS);
    expect((await shareLinkQrSvg(url)).ok).toBe(true);
    // One character more and qrcode itself gives up: the limit is tight, not a guess.
    await expect(qrToString(`${url}a`, { type: "svg", errorCorrectionLevel: "M" })).rejects.toThrow(
      /too big/,
    );
  });
});

describe("sharedVariantToVariant", () => {
  it("builds a consistent variant with fresh ids, in link order, marked as imported", () => {
    const areas = [
      makeArea(
        "a",
        { type: "Polygon", coordinates: [starRing(7.45, 51.5, 300, [1, 1, 1, 1])] },
        { name: "Eins" },
      ),
      makeArea(
        "b",
        { type: "Polygon", coordinates: [starRing(7.5, 51.5, 300, [1, 1, 1, 1])] },
        { name: "Zwei" },
      ),
    ];
    const encoded = encodeShareLink({ planName: "P", frozenAt: NOW, variant: makeVariant("Geteilt", areas) });
    if (!encoded.ok) throw new Error("too large");
    const decoded = decodeShareLink(encoded.fragment);
    if (!decoded.ok) throw new Error(decoded.problem.code);
    let next = 0;
    const variant = sharedVariantToVariant(decoded.value, NOW, () => `id-${next++}`);
    expect(variant.id).toBe("id-0");
    expect(variant.name).toBe("Geteilt");
    expect(variant.areaOrder).toEqual(["id-1", "id-2"]);
    expect(variant.areaOrder.map((id) => variant.areas[id]?.name)).toEqual(["Eins", "Zwei"]);
    expect(variant.areas["id-1"]?.origin).toEqual({ kind: "imported", source: "share-link" });
    expect(variant.areas["id-1"]?.id).toBe("id-1");
  });
});
