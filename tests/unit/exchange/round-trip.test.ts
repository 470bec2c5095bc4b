/**
 * Export then import gives the same areas: geometry within 1 cm with the same vertex count after
 * normalisation, the same attributes, and every exported property (codes, readable labels in German or
 * English, district lists, figures, facilities within 300 m) back as written, for GeoJSON, GeoPackage
 * (both CRSs) and Shapefile (both CRSs). Seeded property tests over arbitrary areas and attribute texts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dbfText } from "../../../src/domain/exchange/export-shapefile.ts";
import {
  areaRecord,
  type ExportCrs,
  type ExportFile,
  type ExportInput,
  exportColumns,
  exportGeoJson,
  exportGeoPackage,
  exportShapefile,
  type ImportResult,
  parseImport,
  readExportedAttributes,
} from "../../../src/domain/exchange/index.ts";
import type { AreaGeometry, PilotArea } from "../../../src/domain/model/plan.ts";
import { pilotArea } from "../../fixtures/exchange/arbitraries.ts";
import { differenceOf } from "../../fixtures/exchange/compare.ts";
import { exportInputOf } from "../../fixtures/exchange/export-fixtures.ts";
import { NODE_SQL_JS } from "../../fixtures/exchange/node-sql-js.ts";

const SEED = 20250506;
const TOLERANCE_M = 0.01;

/** A text as a .dbf holds it: cut to 254 UTF-8 bytes (a list after a whole entry), decoded. */
const asDbf = (text: string, list: boolean) =>
  new TextDecoder().decode(Uint8Array.from(dbfText(text, list), (c) => c.charCodeAt(0)));

/**
 * Checks that every exported property came back: under its key (GeoJSON, GeoPackage) or its Shapefile
 * name, the same text or number. A null comes back as no property; a .dbf cannot tell an empty text
 * from none, and the Shapefile reader gives "" for both, with texts cut as {@link dbfText} cuts them.
 */
function expectSameProperties(input: ExportInput, result: ImportResult, shapefile: boolean): void {
  if (!result.ok) throw new Error("import failed");
  const columns = exportColumns(input);
  input.areas.forEach((entry, i) => {
    const record = areaRecord(entry, columns, { language: input.language });
    const properties = result.features[i]?.properties ?? {};
    for (const column of columns) {
      const value = record[column.key] ?? null;
      if (!shapefile) {
        expect(properties[column.key], column.key).toEqual(value ?? undefined);
        continue;
      }
      const read = properties[column.shapefileName];
      if (value === null || value === "") expect(read ?? "", column.key).toBe("");
      else
        expect(read, column.key).toEqual(
          typeof value === "string" ? asDbf(value, column.list === true) : value,
        );
    }
  });
}

/** Checks that the import holds exactly the exported areas, in order. */
function expectSameAreas(areas: readonly PilotArea[], result: ImportResult): void {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.problem)}`);
  expect(result.kind).toBe("areas");
  expect(result.report.dropped).toEqual([]);
  expect(result.features).toHaveLength(areas.length);
  areas.forEach((area, i) => {
    const imported = result.features[i];
    expect(imported?.index).toBe(i);
    expect(differenceOf(area.geometry, imported?.geometry as AreaGeometry, TOLERANCE_M)).toBeNull();
    expect(readExportedAttributes(imported?.properties ?? {})).toEqual({
      name: area.name,
      fields: area.fields,
      partners: area.partners,
      status: area.status,
      notes: area.notes,
    });
    expect(imported?.properties.id).toBe(area.id);
    expect(imported?.name).toBe(area.name.trim() === "" ? null : area.name.trim());
  });
}

const areasArbitrary = fc.array(pilotArea, { minLength: 1, maxLength: 4 });

async function roundTrip(
  write: (input: ExportInput) => ExportFile | Promise<ExportFile>,
  runs: number,
  shortNames = false,
) {
  await fc.assert(
    fc.asyncProperty(areasArbitrary, async (areas) => {
      // Both label languages, chosen from the sample (a second arbitrary would change the seeded samples).
      const language = (areas[0]?.name.length ?? 0) % 2 === 0 ? "de" : "en";
      const input = exportInputOf(areas, { language });
      const file = await write(input);
      const result = await parseImport(file.bytes, file.fileName, { sqlJsConfig: NODE_SQL_JS });
      expectSameAreas(areas, result);
      expectSameProperties(input, result, shortNames);
    }),
    { seed: SEED, numRuns: runs },
  );
}

describe("export then import", () => {
  it("gives the same areas and attributes through GeoJSON (7 decimals)", async () => {
    await roundTrip(exportGeoJson, 60);
  });

  for (const crs of ["EPSG:4326", "EPSG:25832"] as ExportCrs[]) {
    it(`gives the same areas and attributes through a GeoPackage in ${crs}`, async () => {
      await roundTrip((input) => exportGeoPackage(input, { crs, sqlJsConfig: NODE_SQL_JS }), 30);
    });

    it(`gives the same areas and attributes through a Shapefile in ${crs}`, async () => {
      await roundTrip((input) => exportShapefile(input, { crs }), 40, true);
    });
  }

  it("reports the Shapefile's and GeoPackage's CRS as written", async () => {
    const input = exportInputOf([fc.sample(pilotArea, { seed: SEED, numRuns: 1 })[0] as PilotArea]);
    const shp = await parseImport(exportShapefile(input, { crs: "EPSG:25832" }).bytes, "a.zip");
    const gpkg = await parseImport(
      (await exportGeoPackage(input, { crs: "EPSG:25832", sqlJsConfig: NODE_SQL_JS })).bytes,
      "a.gpkg",
      { sqlJsConfig: NODE_SQL_JS },
    );
    expect(shp.ok && shp.report).toMatchObject({ format: "shapefile", sourceCrs: "EPSG:25832" });
    expect(gpkg.ok && gpkg.report).toMatchObject({ format: "geopackage", sourceCrs: "EPSG:25832" });
  });
});
