/**
 * The export formats' own rules: GeoJSON structure and rounding, CSV dialects, quoting and formula
 * guard, Shapefile text limits and winding, and what happens without an analysis.
 */
import { unzipSync } from "fflate";
import type { Position } from "geojson";
import { describe, expect, it } from "vitest";
import { csvCell, guardFormula } from "../../../src/domain/exchange/csv-format.ts";
import { dbfText } from "../../../src/domain/exchange/export-shapefile.ts";
import {
  buildGeoJsonExport,
  exportAreasCsv,
  exportDistrictsCsv,
  exportShapefile,
  selectExport,
} from "../../../src/domain/exchange/index.ts";
import {
  exportInputOf,
  NOW,
  SQUARE,
  sampleArea,
  samplePlan,
  WITH_HOLE,
} from "../../fixtures/exchange/export-fixtures.ts";

const shoelace = (ring: Position[]) =>
  ring
    .slice(0, -1)
    .reduce(
      (s, p, i) =>
        s +
        (p[0] as number) * ((ring[i + 1] as Position)[1] as number) -
        ((ring[i + 1] as Position)[0] as number) * (p[1] as number),
      0,
    );
/** Decodes keeping the byte order mark (TextDecoder drops it by default). */
const decode = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

describe("GeoJSON export", () => {
  const input = exportInputOf([sampleArea(WITH_HOLE), sampleArea(SQUARE)], { withAnalysis: true });
  const fc = buildGeoJsonExport(input);

  it("is a FeatureCollection with metadata, one feature per area and no styling", () => {
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.metadata).toMatchObject({
      generator: "Pilotkarte",
      version: "0.1.0",
      exportedAt: NOW,
      crs: "EPSG:4326",
      coordinateDecimals: 7,
    });
    expect(fc.metadata.credits).toEqual(input.credits);
    expect(fc.features).toHaveLength(2);
    expect(JSON.stringify(fc)).not.toContain("#0072b2");
    expect(Object.keys(fc.features[0]?.properties ?? {})).not.toContain("colour");
  });

  it("winds outer rings counter-clockwise and holes clockwise, with at most 7 decimals", () => {
    const [outer, hole] = (fc.features[0]?.geometry.coordinates ?? []) as Position[][];
    expect(shoelace(outer as Position[])).toBeGreaterThan(0);
    expect(shoelace(hole as Position[])).toBeLessThan(0);
    for (const value of JSON.stringify(fc.features.map((f) => f.geometry)).match(/\d+\.\d+/g) ?? []) {
      expect(value.split(".")[1]?.length).toBeLessThanOrEqual(7);
    }
  });

  it("writes flat figures from the analysis: residents, districts as code=share, facilities per layer", () => {
    expect(fc.features[1]?.properties).toMatchObject({
      fields: "energie;mobilitaet",
      partners: "DEW21;TU Dortmund",
      residents_low: 1234,
      residents_high: 1501,
      residents_grid: 1234,
      residents_grid_year: 2011,
      residents_addresses: 1501,
      residents_addresses_year: 2024,
      stadtbezirke: "05=0.6;06=0.4",
      statistische_bezirke: null,
      unterbezirke: "051=1",
      fac_kitas: 3,
      fac_transit_stops: 7,
    });
  });

  it("writes null figures for an area without analysis but still measures it", () => {
    const bare = buildGeoJsonExport(exportInputOf([sampleArea(SQUARE)], { withAnalysis: false }));
    const properties = bare.features[0]?.properties ?? {};
    expect(properties.residents_low).toBeNull();
    expect(properties.stadtbezirke).toBeNull();
    expect(Object.keys(properties).some((k) => k.startsWith("fac_"))).toBe(false);
    expect(properties.area_m2).toBeGreaterThan(400_000);
  });

  it("replaces a ';' inside a partner's name so that the list stays readable", () => {
    const area = sampleArea(SQUARE, { partners: ["A; B", "C"] });
    expect(buildGeoJsonExport(exportInputOf([area])).features[0]?.properties.partners).toBe("A, B;C");
  });
});

describe("selectExport", () => {
  const plan = samplePlan();
  const meta = { credits: ["x"], exportedAt: NOW, appVersion: "1" };
  it("takes a whole plan in variant order, a variant, or a selection in variant order", () => {
    expect(selectExport(plan, { kind: "plan" }, {}, meta)?.areas.map((a) => a.variantName)).toEqual([
      "Variante A",
      "Variante A",
      "Variante A",
      "Variante B",
    ]);
    const [first, , third] = plan.variants[plan.variantOrder[0] as string]?.areaOrder ?? [];
    const selection = selectExport(
      plan,
      {
        kind: "areas",
        variantId: plan.variantOrder[0] as string,
        areaIds: [third as string, first as string],
      },
      {},
      meta,
    );
    expect(selection?.areas.map((a) => a.area.id)).toEqual([first, third]);
    expect(selection?.variant?.name).toBe("Variante A");
    expect(selectExport(plan, { kind: "variant", variantId: "nope" }, {}, meta)).toBeNull();
  });
});

describe("CSV export", () => {
  const area = sampleArea(SQUARE, {
    name: '=HYPERLINK("http://x")',
    notes: 'Zeile 1\nZeile "2"; Ende',
    partners: ["+49 231", "@home", "-minus"],
  });
  const input = exportInputOf([area]);

  it("German: BOM, ';', decimal comma, CRLF", () => {
    const text = decode(exportAreasCsv(input, "de").bytes);
    expect(text.startsWith("\uFEFFid;name;fields;")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text).toMatch(/;\d+,\d;\d+,\d+;/);
  });

  it("international: BOM, ',', decimal point", () => {
    const text = decode(exportAreasCsv(input, "intl").bytes);
    expect(text.startsWith("\uFEFFid,name,fields,")).toBe(true);
    expect(text).toMatch(/,\d+\.\d,\d+\.\d+,/);
  });

  it("quotes per RFC 4180 and guards formula starts with an apostrophe", () => {
    const text = decode(exportAreasCsv(input, "de").bytes);
    expect(text).toContain(`;"'=HYPERLINK(""http://x"")";`);
    expect(text).toContain(`"Zeile 1\nZeile ""2""; Ende"`);
    // The partner list is one cell; its start is guarded, and ";" inside makes it quoted.
    expect(text).toContain(`;"'+49 231;@home;-minus";`);
    for (const start of ["=", "+", "-", "@", "\t", "\r"])
      expect(guardFormula(`${start}x`)).toBe(`'${start}x`);
    expect(guardFormula("Nord-Ost")).toBe("Nord-Ost");
    expect(csvCell(-5.5, "de")).toBe("-5,5");
    expect(csvCell(null, "intl")).toBe("");
  });

  it("lists area × district rows with shares", () => {
    const text = decode(exportDistrictsCsv(input, "intl").bytes);
    const lines = text.split("\r\n").filter((line) => line !== "");
    expect(lines[0]).toBe(
      "\uFEFFarea_id,area_name,variant,level,district_code,district_name,intersection_m2,share_of_district,share_of_area",
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(",stadtbezirk,05,Innenstadt-Nord,0.6,0.0123,0.6");
  });
});

describe("Shapefile export", () => {
  it("cuts text to 254 UTF-8 bytes at a character boundary and lists after a whole entry", () => {
    const long = "ä".repeat(200);
    const cut = dbfText(long);
    expect(cut.length).toBe(254);
    expect(
      new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(cut, (c) => c.charCodeAt(0))),
    ).toBe("ä".repeat(127));
    const list = Array.from({ length: 40 }, (_, i) => `${100 + i}=0.0123`).join(";");
    const cutList = dbfText(list, true);
    expect(cutList.length).toBeLessThanOrEqual(254);
    expect(cutList.endsWith("=0.0123")).toBe(true);
  });

  it("writes outer rings clockwise and holes counter-clockwise, with .prj, .cpg and a readme", () => {
    const files = unzipSync(
      exportShapefile(exportInputOf([sampleArea(WITH_HOLE)]), { crs: "EPSG:25832" }).bytes,
    );
    const names = Object.keys(files).map((n) => n.replace(/^.*\./, "."));
    expect(names.sort()).toEqual([".cpg", ".dbf", ".prj", ".shp", ".shx", ".txt"]);
    const cpg = Object.entries(files).find(([n]) => n.endsWith(".cpg"))?.[1] as Uint8Array;
    expect(decode(cpg)).toBe("UTF-8");
    const shp = Object.entries(files).find(([n]) => n.endsWith(".shp"))?.[1] as Uint8Array;
    const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
    // First record: header 8 bytes, type, box, numParts, numPoints, part starts, then points.
    const parts = view.getInt32(100 + 44, true);
    const points = view.getInt32(100 + 48, true);
    const starts = Array.from({ length: parts }, (_, i) => view.getInt32(100 + 52 + 4 * i, true));
    const base = 100 + 52 + 4 * parts;
    const ring = (k: number) => {
      const end = k + 1 < parts ? (starts[k + 1] as number) : points;
      return Array.from({ length: end - (starts[k] as number) }, (_, i) => {
        const at = base + 16 * ((starts[k] as number) + i);
        return [view.getFloat64(at, true), view.getFloat64(at + 8, true)];
      });
    };
    expect(parts).toBe(2);
    expect(shoelace(ring(0))).toBeLessThan(0);
    expect(shoelace(ring(1))).toBeGreaterThan(0);
  });
});
