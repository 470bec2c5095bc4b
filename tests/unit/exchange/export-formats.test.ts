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
  exportColumns,
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
      stadtbezirke: "05=0.6;06=0.4",
      statistische_bezirke: null,
      unterbezirke: "051=1",
      fac_kitas: 3,
      fac_transit_stops: 7,
    });
  });

  it("names the address method's years apart: residents counted 2011, address points of 2024", () => {
    const properties = fc.features[1]?.properties ?? {};
    expect(properties).toMatchObject({ residents_addresses_census_year: 2011, address_points_year: 2024 });
    expect(Object.keys(properties)).not.toContain("residents_addresses_year");
  });

  it("writes readable labels beside the codes, in German by default", () => {
    expect(fc.metadata.language).toBe("de");
    expect(fc.features[1]?.properties).toMatchObject({
      fields: "energie;mobilitaet",
      fields_label: "Energie-Management; Mobilität und Logistik",
      status: "kandidat",
      status_label: "Kandidat",
      stadtbezirke_label:
        "Innenstadt-Nord (05): 60 % des Gebiets, 1,23 % des Bezirks; Innenstadt-Ost (06): 40 % des Gebiets, 0,46 % des Bezirks",
      statistische_bezirke_label: null,
      unterbezirke_label: "Hafen (051): 100 % des Gebiets, 25 % des Bezirks",
    });
  });

  it("writes the labels in English on request, with the codes unchanged", () => {
    const english = buildGeoJsonExport(exportInputOf([sampleArea(SQUARE)], { language: "en" }));
    expect(english.metadata.language).toBe("en");
    expect(english.features[0]?.properties).toMatchObject({
      fields: "energie;mobilitaet",
      fields_label: "Energy management; Mobility and logistics",
      status: "kandidat",
      status_label: "Candidate",
      stadtbezirke: "05=0.6;06=0.4",
      stadtbezirke_label:
        "Innenstadt-Nord (05): 60% of the area, 1.23% of the district; Innenstadt-Ost (06): 40% of the area, 0.46% of the district",
    });
  });

  it("writes the facilities within 300 m beside those inside, per layer", () => {
    const keys = Object.keys(fc.features[1]?.properties ?? {});
    expect(keys.filter((k) => k.startsWith("fac_"))).toEqual([
      "fac_kitas",
      "fac_kitas_300m",
      "fac_transit_stops",
      "fac_transit_stops_300m",
    ]);
    expect(fc.features[1]?.properties).toMatchObject({ fac_kitas_300m: 5, fac_transit_stops_300m: 12 });
  });

  it("carries a data dictionary with every property: label, meaning, unit and source", () => {
    const keys = Object.keys(fc.features[0]?.properties ?? {});
    expect(fc.metadata.dictionary.map((e) => e.column)).toEqual(keys);
    for (const entry of fc.metadata.dictionary) {
      expect(entry.label, entry.column).not.toBe("");
      expect(entry.description, entry.column).not.toBe("");
      expect(entry.source, entry.column).not.toBe("");
      expect(entry.shapefileName.length, entry.column).toBeLessThanOrEqual(10);
    }
    const byColumn = new Map(fc.metadata.dictionary.map((e) => [e.column, e]));
    expect(byColumn.get("area_m2")).toMatchObject({ unit: "m²", type: "real" });
    expect(byColumn.get("fac_kitas_300m")).toMatchObject({
      label: "Kitas: bis 300 m",
      shapefileName: "n_kitas",
      unit: "Anzahl",
    });
    expect(byColumn.get("fac_kitas_300m")?.source).toContain("Datenquelle: Stadt Dortmund");
    expect(byColumn.get("residents_grid")?.source).toContain("Zensus 2011");
    expect(byColumn.get("address_points_year")?.description).toContain("2024");
    expect(byColumn.get("stadtbezirke")?.source).toContain("Stand 06.05.2026");
  });

  it("has distinct readable names and Shapefile names in both languages", () => {
    for (const language of ["de", "en"] as const) {
      const dictionary = buildGeoJsonExport(exportInputOf([sampleArea(SQUARE)], { language })).metadata
        .dictionary;
      expect(new Set(dictionary.map((e) => e.label)).size, language).toBe(dictionary.length);
      expect(new Set(dictionary.map((e) => e.shapefileName)).size, language).toBe(dictionary.length);
    }
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

  it("German: BOM, German headers, ';', decimal comma, CRLF", () => {
    const text = decode(exportAreasCsv(input, "de").bytes);
    expect(text.startsWith("\uFEFFKennung;Name;Handlungsfelder (Code);Handlungsfelder;Partner;")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text).toMatch(/;\d+,\d;\d+,\d+;/);
  });

  it("German: decimal commas also inside the district lists", () => {
    const [header = "", row = ""] = decode(exportAreasCsv(input, "de").bytes).slice(1).split("\r\n");
    const columns = header.split(";");
    expect(columns).toContain("Stadtbezirke (Nr.=Anteil am Gebiet)");
    expect(columns).toContain("Kitas: bis 300 m");
    expect(row).toContain(';"05=0,6;06=0,4";');
    expect(row).toContain(
      ';"Innenstadt-Nord (05): 60 % des Gebiets, 1,23 % des Bezirks; Innenstadt-Ost (06): 40 % des Gebiets, 0,46 % des Bezirks";',
    );
  });

  it("international: BOM, English keys as headers, ',', decimal point", () => {
    const text = decode(exportAreasCsv(input, "intl").bytes);
    expect(text.startsWith("\uFEFFid,name,fields,fields_label,partners,")).toBe(true);
    expect(text).toMatch(/,\d+\.\d,\d+\.\d+,/);
    expect(text).toContain(",05=0.6;06=0.4,");
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
    // German: a text with a comma is quoted too, so that separator sniffers (GDAL) still find ";".
    expect(csvCell("Einwohner, obere Schätzung", "de")).toBe('"Einwohner, obere Schätzung"');
    expect(csvCell("a, b", "intl")).toBe('"a, b"');
    expect(csvCell("a;b", "intl")).toBe("a;b");
    expect(csvCell(null, "intl")).toBe("");
  });

  it("lists area × district rows with shares", () => {
    const text = decode(exportDistrictsCsv(input, "intl").bytes);
    const lines = text.split("\r\n").filter((line) => line !== "");
    expect(lines[0]).toBe(
      "\uFEFFarea_id,area_name,variant,level,level_label,district_code,district_name,intersection_m2,share_of_district,share_of_area",
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(",stadtbezirk,Stadtbezirk,05,Innenstadt-Nord,0.6,0.0123,0.6");
  });

  it("German district table: German headers and decimal commas", () => {
    const lines = decode(exportDistrictsCsv(exportInputOf([area], { language: "en" }), "de").bytes).split(
      "\r\n",
    );
    expect(lines[0]).toBe(
      "\uFEFFGebiet (Kennung);Gebiet;Variante;Ebene (Code);Ebene;Bezirk (Nr.);Bezirk;Schnittfläche (m²);Anteil am Bezirk (0–1);Anteil am Gebiet (0–1)",
    );
    // The level's label is in the export's language (English here), the headers German.
    expect(lines[1]).toContain(";stadtbezirk;City district;05;Innenstadt-Nord;0,6;0,0123;0,6");
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
    expect(names.sort()).toEqual([".cpg", ".dbf", ".prj", ".shp", ".shx", ".txt", ".txt"]);
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

  it("holds the data dictionary as a UTF-8 text file naming every Shapefile field", () => {
    for (const language of ["de", "en"] as const) {
      const input = exportInputOf([sampleArea(SQUARE)], { language });
      const files = unzipSync(exportShapefile(input, { crs: "EPSG:25832" }).bytes);
      const name = language === "de" ? "DATENBESCHREIBUNG.txt" : "DATA-DICTIONARY.txt";
      const text = new TextDecoder("utf-8", { fatal: true }).decode(files[name] as Uint8Array);
      for (const entry of buildGeoJsonExport(input).metadata.dictionary) {
        expect(text).toContain(`${entry.shapefileName} = ${entry.column}`);
        expect(text).toContain(entry.description);
      }
      expect(text).toContain(language === "de" ? "Bedeutung: " : "Meaning: ");
      expect(decode(files["LIESMICH.txt"] as Uint8Array)).toContain(name);
    }
  });

  it("writes the readable columns under short names, lists cut after a whole entry", () => {
    const columns = exportColumns(exportInputOf([sampleArea(SQUARE)]));
    const short = new Map(columns.map((c) => [c.key, c.shapefileName]));
    expect(short.get("fields_label")).toBe("fields_l");
    expect(short.get("status_label")).toBe("status_l");
    expect(short.get("stadtbezirke_label")).toBe("stadtbez_l");
    expect(short.get("residents_addresses_census_year")).toBe("res_addr_c");
    expect(short.get("address_points_year")).toBe("addr_pts_y");
    expect(short.get("fac_transit_stops_300m")).toBe("n_transits");
    const label = Array.from(
      { length: 20 },
      (_, i) => `Bezirk ${i} (${i}): 5 % des Gebiets, 1 % des Bezirks`,
    ).join("; ");
    const cut = dbfText(label, true);
    expect(cut.length).toBeLessThanOrEqual(254);
    expect(cut.endsWith("1 % des Bezirks")).toBe(true);
  });
});
