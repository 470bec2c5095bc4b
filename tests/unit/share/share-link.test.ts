import fc from "fast-check";
import { deflateSync, strToU8 } from "fflate";
import type { Position } from "geojson";
import { describe, expect, it } from "vitest";
import { geodesicArea } from "../../../src/domain/geometry/measure-area.ts";
import { isValidAreaGeometry } from "../../../src/domain/geometry/validate-area-geometry.ts";
import { ALLIANCE_FIELDS } from "../../../src/domain/model/catalogue.ts";
import { AREA_STATUSES, type AreaGeometry } from "../../../src/domain/model/plan.ts";
import { toBase64Url } from "../../../src/domain/share/base64url.ts";
import { decodeShareLink } from "../../../src/domain/share/decode-share-link.ts";
import { encodeShareLink, frameBody } from "../../../src/domain/share/encode-share-link.ts";
import {
  ASSUMED_URL_PREFIX_CHARS,
  FIELD_CODES_V1,
  MAX_DECODE_CHARS,
  MAX_SHARE_AREA_VERTICES,
  MAX_SHARE_REPAIR_VERTICES,
  QR_MAX_CHARS,
  SHARE_LINK_MAX_CHARS,
  STATUS_CODES_V1,
} from "../../../src/domain/share/share-format.ts";
import { combLinkFragment } from "../../fixtures/share/comb-link.ts";
import {
  AWKWARD_TEXTS,
  distanceM,
  makeArea,
  makeVariant,
  NOW,
  starRing,
  variantArbitrary,
} from "./share-fixtures.ts";

const SEED = 20261126;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

function ringsOf(geometry: AreaGeometry): Position[][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/** A small link with two areas, for the damage tests. */
function smallLink(): string {
  const areas = [
    makeArea(
      "a",
      { type: "Polygon", coordinates: [starRing(7.45, 51.5, 400, [1, 0.7, 0.9, 0.6, 1])] },
      {
        name: "Hörde 🚲",
        partners: ["DEW21", "TU Dortmund"],
        notes: "<b>fett</b>",
      },
    ),
    makeArea("b", { type: "Polygon", coordinates: [starRing(7.5, 51.52, 800, [1, 0.8, 0.9, 0.7])] }),
  ];
  const result = encodeShareLink({
    planName: "Plan",
    frozenAt: NOW,
    variant: makeVariant("Variante A", areas),
  });
  if (!result.ok) throw new Error("small link too large");
  return result.fragment;
}

/** A framed, valid-checksum link around any JSON value: what a made-up link looks like. */
function linkAround(json: unknown): string {
  return `pk1.${toBase64Url(frameBody(deflateSync(strToU8(JSON.stringify(json)), { level: 9 })))}`;
}

/** A pseudo-random (seeded) star with many vertices, for size tests. */
function bigStar(seed: number, lon: number, lat: number, vertices: number): AreaGeometry {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const factors = Array.from({ length: vertices }, () => 0.5 + random() / 2);
  return { type: "Polygon", coordinates: [starRing(lon, lat, 1200, factors)] };
}

describe("share links", () => {
  describe("round trip", () => {
    it("gives back every text exactly and every vertex within 0.2 m, for random variants of up to 15 areas", () => {
      fc.assert(
        fc.property(variantArbitrary, (input) => {
          const areas = input.areas.map((area, i) => makeArea(`area-${i}`, area.geometry, area));
          const encoded = encodeShareLink({
            planName: input.planName,
            frozenAt: NOW,
            variant: makeVariant(input.variantName, areas),
          });
          expect(encoded.ok).toBe(true);
          if (!encoded.ok) return;
          expect(encoded.chars).toBe(encoded.fragment.length + ASSUMED_URL_PREFIX_CHARS);
          expect(encoded.fitsQr).toBe(encoded.chars <= QR_MAX_CHARS);
          const decoded = decodeShareLink(encoded.fragment);
          expect(decoded.ok).toBe(true);
          if (!decoded.ok) return;
          const value = decoded.value;
          expect(value.planName).toBe(input.planName);
          expect(value.variantName).toBe(input.variantName);
          expect(value.frozenAt).toBe(NOW);
          expect(value.areas).toHaveLength(areas.length);
          for (const [i, area] of areas.entries()) {
            const back = value.areas[i];
            if (back === undefined) throw new Error("missing area");
            expect(back.name).toBe(area.name);
            expect(back.notes).toBe(area.notes);
            expect(back.partners).toEqual(area.partners);
            expect(back.status).toBe(area.status);
            expect([...back.fields].sort()).toEqual([...area.fields].sort());
            expect(back.colour).toBe(area.colour.toLowerCase());
            expect(isValidAreaGeometry(back.geometry)).toBe(true);
            const before = ringsOf(area.geometry);
            const after = ringsOf(back.geometry);
            expect(after.map((rings) => rings.map((ring) => ring.length))).toEqual(
              before.map((rings) => rings.map((ring) => ring.length)),
            );
            before.forEach((rings, p) => {
              rings.forEach((ring, r) => {
                ring.forEach((position, k) => {
                  const other = after[p]?.[r]?.[k] as Position;
                  expect(distanceM(position, other)).toBeLessThan(0.2);
                });
              });
            });
          }
        }),
        { seed: SEED, numRuns: 60 },
      );
    });

    it("reads a whole URL, and a link wrapped over several lines by a mail client", () => {
      const fragment = smallLink();
      const url = `https://example.org/pilotkarte/#${fragment}`;
      expect(decodeShareLink(url).ok).toBe(true);
      const wrapped = `#${fragment.slice(0, 40)}\n  ${fragment.slice(40, 90)}\r\n${fragment.slice(90)} `;
      const decoded = decodeShareLink(wrapped);
      expect(decoded.ok && decoded.value.areas[0]?.name).toBe("Hörde 🚲");
    });

    it("keeps awkward texts as plain text, markup and all", () => {
      const areas = AWKWARD_TEXTS.map((text, i) =>
        makeArea(
          `t${i}`,
          { type: "Polygon", coordinates: [starRing(7.4 + i * 0.02, 51.5, 300, [1, 1, 1, 1])] },
          {
            name: text,
            notes: text,
            partners: [text],
          },
        ),
      );
      const encoded = encodeShareLink({
        planName: AWKWARD_TEXTS[2] as string,
        frozenAt: NOW,
        variant: makeVariant("🚲", areas),
      });
      if (!encoded.ok) throw new Error("too large");
      const decoded = decodeShareLink(encoded.fragment);
      if (!decoded.ok) throw new Error(decoded.problem.code);
      expect(decoded.value.planName).toBe("<script>alert('x')</script>");
      expect(decoded.value.areas.map((area) => area.name)).toEqual(AWKWARD_TEXTS);
      expect(decoded.value.areas.map((area) => area.partners[0])).toEqual(AWKWARD_TEXTS);
    });

    it("keeps the area of a shape to within 0.01 %", () => {
      const geometry = bigStar(7, 7.45, 51.5, 60);
      const encoded = encodeShareLink({
        planName: "P",
        frozenAt: NOW,
        variant: makeVariant("V", [makeArea("x", geometry)]),
      });
      if (!encoded.ok) throw new Error("too large");
      const decoded = decodeShareLink(encoded.fragment);
      if (!decoded.ok) throw new Error(decoded.problem.code);
      const back = decoded.value.areas[0]?.geometry as AreaGeometry;
      expect(Math.abs(geodesicArea(back) / geodesicArea(geometry) - 1)).toBeLessThan(1e-4);
    });

    it("uses code tables that cover every alliance field and status of the app", () => {
      expect([...FIELD_CODES_V1].sort()).toEqual([...ALLIANCE_FIELDS].sort());
      expect([...STATUS_CODES_V1].sort()).toEqual([...AREA_STATUSES].sort());
    });
  });

  describe("limits", () => {
    it("refuses a variant with many big polygons as too large", () => {
      const areas = Array.from({ length: 60 }, (_, i) =>
        makeArea(`big-${i}`, bigStar(i + 1, 7.35 + (i % 10) * 0.03, 51.42 + Math.floor(i / 10) * 0.03, 300)),
      );
      const result = encodeShareLink({ planName: "P", frozenAt: NOW, variant: makeVariant("V", areas) });
      expect(result).toMatchObject({
        ok: false,
        problem: { code: "too-large", maxChars: SHARE_LINK_MAX_CHARS },
      });
      if (!result.ok) expect(result.problem.chars).toBeGreaterThan(SHARE_LINK_MAX_CHARS);
    });

    it("says a link of medium size works but does not fit a QR code", () => {
      const areas = Array.from({ length: 12 }, (_, i) =>
        makeArea(`m-${i}`, bigStar(i + 100, 7.35 + (i % 4) * 0.05, 51.42 + Math.floor(i / 4) * 0.05, 40)),
      );
      const result = encodeShareLink({ planName: "P", frozenAt: NOW, variant: makeVariant("V", areas) });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.chars).toBeGreaterThan(QR_MAX_CHARS);
      expect(result.fitsQr).toBe(false);
    });

    it("counts the URL prefix the caller passes", () => {
      const prefix = "https://stadt.example/pilotkarte/#";
      const areas = [makeArea("a", bigStar(1, 7.45, 51.5, 10))];
      const result = encodeShareLink(
        { planName: "P", frozenAt: NOW, variant: makeVariant("V", areas) },
        { urlPrefix: prefix },
      );
      expect(result.ok && result.chars).toBe(result.ok && prefix.length + result.fragment.length);
      expect(result.ok && result.fitsQr).toBe(true);
    });
  });

  describe("damaged links", () => {
    it("reports every single changed character after the prefix as corrupt", () => {
      const fragment = smallLink();
      for (let i = 4; i < fragment.length; i++) {
        const original = fragment[i] as string;
        // Two replacements per position: the neighbour in the alphabet (flips a low bit) and a far one.
        for (const shift of [1, 32]) {
          const replacement = ALPHABET[(ALPHABET.indexOf(original) + shift) % 64] as string;
          const changed = fragment.slice(0, i) + replacement + fragment.slice(i + 1);
          const result = decodeShareLink(changed);
          expect(result.ok ? "ok" : result.problem.code, `position ${i}, ${original}→${replacement}`).toBe(
            "corrupt",
          );
        }
      }
    });

    it("reports a character outside base64url as corrupt", () => {
      const fragment = smallLink();
      expect(decodeShareLink(`${fragment.slice(0, 20)}%${fragment.slice(21)}`)).toMatchObject({
        ok: false,
        problem: { code: "corrupt" },
      });
    });

    it("reports every cut-off link as truncated", () => {
      const fragment = smallLink();
      for (let length = "pk1.".length; length < fragment.length; length++) {
        const result = decodeShareLink(fragment.slice(0, length));
        expect(result.ok ? "ok" : result.problem.code, `cut at ${length}`).toBe("truncated");
      }
    });

    it("reports text without the prefix as not a share link", () => {
      for (const text of [
        "",
        "hello",
        "https://example.org/",
        "#map=12/51.5/7.4",
        "PK1.abc",
        "pk.abc",
        "pk0.AAAA",
      ]) {
        expect(decodeShareLink(text), text).toMatchObject({
          ok: false,
          problem: { code: "not-a-share-link" },
        });
      }
    });

    it("reports a link from a newer version as such, with the version", () => {
      const fragment = smallLink();
      expect(decodeShareLink(`pk2.${fragment.slice(4)}`)).toEqual({
        ok: false,
        problem: { code: "newer-version", detail: "2" },
      });
    });

    it("reports intact links with made-up content as invalid content", () => {
      const area = { n: "x", c: "0072b2", g: [[[7_400_000, 51_500_000, 1000, 0, 0, 1000]]] };
      const cases: [unknown, string][] = [
        [[1, 2, 3], "not an object"],
        [{ p: "P", t: NOW, n: "V" }, "areas"],
        [{ p: 5, t: NOW, n: "V", a: [] }, "plan name"],
        [{ p: "P", t: "gestern", n: "V", a: [] }, "frozen at"],
        [{ p: "P", t: NOW, n: "V", a: [{ ...area, c: "red" }] }, "colour"],
        [{ p: "P", t: NOW, n: "V", a: [{ ...area, f: [9] }] }, "fields"],
        [{ p: "P", t: NOW, n: "V", a: [{ ...area, s: 4 }] }, "status"],
        [{ p: "P", t: NOW, n: "V", a: [{ ...area, pa: [1] }] }, "partners"],
        [
          { p: "P", t: NOW, n: "V", a: [{ ...area, g: [[[7_400_000, 51_500_000, 0.5, 0, 0, 1000]]] }] },
          "integer",
        ],
        [
          { p: "P", t: NOW, n: "V", a: [{ ...area, g: [[[190_000_000, 51_500_000, 1000, 0, 0, 1000]]] }] },
          "globe",
        ],
        [
          { p: "P", t: NOW, n: "V", a: [{ ...area, g: [[[7_400_000, 51_500_000, 1000, 0]]] }] },
          "three positions",
        ],
        // Three positions on one line: nothing is left after normalising or repairing.
        [
          { p: "P", t: NOW, n: "V", a: [{ ...area, g: [[[7_400_000, 51_500_000, 1000, 0, 1000, 0]]] }] },
          "empty",
        ],
      ];
      for (const [json, detail] of cases) {
        const result = decodeShareLink(linkAround(json));
        expect(result.ok, detail).toBe(false);
        if (!result.ok) {
          expect(result.problem.code).toBe("invalid-content");
          expect(result.problem.detail).toContain(detail);
        }
      }
      expect(decodeShareLink(linkAround({ p: "P", t: NOW, n: "V", a: [area] })).ok).toBe(true);
    });

    it("repairs a made-up self-crossing ring instead of passing it on", () => {
      const bowTie = [7_400_000, 51_500_000, 2000, 2000, 0, -2000, -2000, 2000];
      const result = decodeShareLink(
        linkAround({ p: "P", t: NOW, n: "V", a: [{ n: "x", c: "0072b2", g: [[bowTie]] }] }),
      );
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.repairedAreaCount).toBe(1);
      expect(isValidAreaGeometry(result.value.areas[0]?.geometry as AreaGeometry)).toBe(true);
    });

    it("refuses a link longer than any this code writes as too long, not as changed on the way", () => {
      const link = `pk1.${"A".repeat(MAX_DECODE_CHARS + 1)}`;
      expect(decodeShareLink(link)).toEqual({
        ok: false,
        problem: { code: "too-long", detail: String(link.length) },
      });
    });

    it("refuses the comb link (a 20,000-vertex self-crossing ring) before any repair", () => {
      const fragment = combLinkFragment(20_000);
      expect(fragment.length).toBeLessThan(1_000);

      expect(decodeShareLink(fragment)).toEqual({
        ok: false,
        problem: { code: "too-complex", area: 1, vertices: 20_001, maxVertices: MAX_SHARE_REPAIR_VERTICES },
      });
    });

    it("repairs a small comb (300 vertices) as any broken area", () => {
      const result = decodeShareLink(combLinkFragment(300));
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.repairedAreaCount).toBe(1);
        expect(isValidAreaGeometry(result.value.areas[0]?.geometry as AreaGeometry)).toBe(true);
      }
    });

    it("refuses an area with more vertices than a link may carry before building them", () => {
      const steps = Array.from({ length: MAX_SHARE_AREA_VERTICES + 1 }, (_, i) => [
        i % 2 === 0 ? 1 : -1,
        1,
      ]).flat();
      const result = decodeShareLink(
        linkAround({
          p: "P",
          t: NOW,
          n: "V",
          a: [{ n: "x", c: "0072b2", g: [[[7_400_000, 51_500_000, ...steps]]] }],
        }),
      );
      expect(result).toMatchObject({
        ok: false,
        problem: { code: "too-complex", area: 1, maxVertices: MAX_SHARE_AREA_VERTICES },
      });
    });

    it("refuses a deflate bomb without inflating it all", () => {
      const bomb = deflateSync(new Uint8Array(5_000_000).fill(32), { level: 9 });
      const result = decodeShareLink(`pk1.${toBase64Url(frameBody(bomb))}`);
      expect(result).toEqual({ ok: false, problem: { code: "corrupt", detail: "deflate" } });
    });
  });
});
