/**
 * Files that read wrongly or not at all for reasons outside the format: text in UTF-16 (Windows
 * "Unicode" files), XML with a document type declaration, and coordinates with latitude first.
 */
import { zipSync } from "fflate";
import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import {
  axesLookSwapped,
  type ImportOptions,
  type ImportResult,
  parseImport,
  previewImport,
} from "../../../src/domain/exchange/index.ts";
import { decodeText, utf16ByteOrder } from "../../../src/domain/exchange/parse-import.ts";
import { swapRawAxes } from "../../../src/domain/exchange/swap-axes.ts";
import { differenceOf } from "../../fixtures/exchange/compare.ts";
import { rectangle } from "../../fixtures/geometry/builders.ts";

const SQUARE = rectangle(7.45, 51.51, 7.46, 51.516);
const GEOJSON = JSON.stringify({
  type: "FeatureCollection",
  features: [{ type: "Feature", properties: { name: "Körne – Süd" }, geometry: SQUARE }],
});

/** UTF-16 bytes of a text, little or big endian, with or without a byte order mark. */
function utf16(text: string, order: "le" | "be", bom: boolean): Uint8Array {
  const units = (bom ? "\uFEFF" : "") + text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const code = units.charCodeAt(i);
    bytes[2 * i + (order === "le" ? 0 : 1)] = code & 0xff;
    bytes[2 * i + (order === "le" ? 1 : 0)] = code >> 8;
  }
  return bytes;
}
const utf8 = (text: string) => new TextEncoder().encode(text);

function ok(result: ImportResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result;
}
const read = (bytes: Uint8Array, name: string, options: ImportOptions = {}) =>
  parseImport(bytes, name, options);

describe("text in UTF-16", () => {
  for (const [order, bom] of [
    ["le", true],
    ["be", true],
    ["le", false],
    ["be", false],
  ] as const) {
    it(`reads GeoJSON in UTF-16 ${order.toUpperCase()} ${bom ? "with" : "without"} byte order mark`, async () => {
      const result = ok(await read(utf16(GEOJSON, order, bom), "gebiete.geojson"));
      expect(result.features).toHaveLength(1);
      expect(result.features[0]?.name).toBe("Körne – Süd");
      expect(differenceOf(SQUARE, result.features[0]?.geometry as Polygon, 0.01)).toBeNull();
    });
  }

  it("reads KML and CSV in UTF-16 too", async () => {
    const kml = `<?xml version="1.0" encoding="UTF-16"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>Hörde</name><Point><coordinates>7.49,51.48</coordinates></Point></Placemark></kml>`;
    expect(ok(await read(utf16(kml, "le", true), "punkt.kml")).features[0]?.name).toBe("Hörde");
    const csv = "Name;lon;lat\r\nMärkte;7,46;51,51\r\n";
    expect(ok(await read(utf16(csv, "be", true), "punkte.csv")).features[0]?.name).toBe("Märkte");
  });

  it("tells UTF-16 from UTF-8, Windows-1252 and binary data", () => {
    expect(utf16ByteOrder(utf16("{}", "le", true))).toBe("utf-16le");
    expect(utf16ByteOrder(utf16("{}", "be", true))).toBe("utf-16be");
    expect(utf16ByteOrder(utf8('{"a":1}'))).toBeNull();
    expect(utf16ByteOrder(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
    expect(decodeText(new Uint8Array([0x4b, 0xf6, 0x72, 0x6e, 0x65]))).toBe("Körne");
  });

  it("still refuses binary data (a PNG renamed to .geojson)", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
    expect(await read(png, "bild.geojson")).toEqual({
      ok: false,
      problem: { code: "not-geodata", fileName: "bild.geojson" },
    });
  });
});

describe("XML with a document type declaration", () => {
  const placemark = `<Placemark><name>&x;</name><Point><coordinates>7.49,51.48</coordinates></Point></Placemark>`;
  const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE kml [
  <!ENTITY a "aaaaaaaaaa">
  <!ENTITY x "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
]>
<kml xmlns="http://www.opengis.net/kml/2.2">${placemark}</kml>`;

  it("is refused with its own message, for KML, KMZ and GPX", async () => {
    expect(await read(utf8(billionLaughs), "laughs.kml")).toEqual({
      ok: false,
      problem: { code: "xml-doctype" },
    });
    expect(await read(zipSync({ "doc.kml": utf8(billionLaughs) }), "laughs.kmz")).toEqual({
      ok: false,
      problem: { code: "xml-doctype" },
    });
    const gpx = `<?xml version="1.0"?><!-- exported --><!DOCTYPE gpx SYSTEM "file:///etc/passwd"><gpx version="1.1"><wpt lat="51.5" lon="7.4"/></gpx>`;
    expect(await read(utf8(gpx), "tour.gpx")).toEqual({ ok: false, problem: { code: "xml-doctype" } });
  });

  it("does not stop a KML that only mentions DOCTYPE in a description", async () => {
    const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>A</name><description>&lt;!DOCTYPE html&gt;</description><Point><coordinates>7.49,51.48</coordinates></Point></Placemark></kml>`;
    expect(ok(await read(utf8(kml), "a.kml")).features[0]?.properties.description).toBe("<!DOCTYPE html>");
  });
});

describe("coordinates with latitude first", () => {
  const swapped = (polygon: Polygon): Polygon => ({
    type: "Polygon",
    coordinates: polygon.coordinates.map((ring) => ring.map(([x, y]) => [y as number, x as number])),
  });
  const file = (geometry: Polygon) =>
    utf8(JSON.stringify({ type: "Feature", properties: { name: "Körne" }, geometry }));

  it("are noticed in the preview: far from Dortmund, near it with the axes swapped", async () => {
    const preview = previewImport(ok(await read(file(swapped(SQUARE)), "vertauscht.geojson")));
    expect(preview.axesLookSwapped).toBe(true);
    // Around 51.5° E, 7.4° N: in Somalia.
    expect(preview.bbox?.[0]).toBeCloseTo(51.51, 5);
  });

  it("are read right with swapAxes, and the report says so", async () => {
    const result = ok(await read(file(swapped(SQUARE)), "vertauscht.geojson", { swapAxes: true }));
    expect(result.report.axesSwapped).toBe(true);
    expect(differenceOf(SQUARE, result.features[0]?.geometry as Polygon, 0.01)).toBeNull();
    expect(previewImport(result).axesLookSwapped).toBe(false);
  });

  it("are not suspected in a file near Dortmund, or in one far away either way round", async () => {
    const here = ok(await read(file(SQUARE), "hier.geojson"));
    expect(previewImport(here).axesLookSwapped).toBe(false);
    expect(here.report.axesSwapped).toBeUndefined();
    // Munich (11.6° E, 48.1° N) swapped or not is far from Dortmund.
    expect(axesLookSwapped([11.5, 48.1, 11.6, 48.2])).toBe(false);
    expect(axesLookSwapped([48.1, 11.5, 48.2, 11.6])).toBe(false);
    expect(axesLookSwapped(null)).toBe(false);
  });

  it("swaps every position of every geometry, heights kept", () => {
    const features = swapRawAxes([
      {
        geometry: {
          type: "GeometryCollection",
          geometries: [
            { type: "Point", coordinates: [51.5, 7.4, 120] },
            { type: "MultiPolygon", coordinates: [swapped(SQUARE).coordinates] },
          ],
        },
        properties: {},
      },
    ]);
    const collection = features[0]?.geometry as { geometries: { coordinates: unknown }[] };
    expect(collection.geometries[0]?.coordinates).toEqual([7.4, 51.5, 120]);
    expect(collection.geometries[1]?.coordinates).toEqual([SQUARE.coordinates]);
  });
});
