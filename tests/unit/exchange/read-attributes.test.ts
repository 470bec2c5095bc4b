/**
 * Reading an area's attributes from an imported feature: what Pilotkarte writes (codes, the label
 * columns, the Shapefile's short names, the German CSV's headers, exports from before the labels) and
 * what people write (arrays, German and English names, other separators), with every value that
 * cannot be taken over reported.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  attributeIssuesOf,
  buildGeoJsonExport,
  type ImportedFeature,
  parseImport,
  previewImport,
  readAreaAttributes,
  readExportedAttributes,
} from "../../../src/domain/exchange/index.ts";
import { exportInputOf, SQUARE, sampleArea } from "../../fixtures/exchange/export-fixtures.ts";
import { NODE_SQL_JS } from "../../fixtures/exchange/node-sql-js.ts";

/** The browser test's hand-written fixture: German labels, arrays, lists, an unknown status. */
const LABELS_DE = join(import.meta.dirname, "../../fixtures/exchange-ui/labels-de.geojson");

describe("readAreaAttributes", () => {
  it("reads a GeoJSON with German labels in arrays (as GDAL and people write them)", async () => {
    const file = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: {
            name: "Hafen",
            fields: ["Mobilität und Logistik", "Energie-Management"],
            status: "Kandidat",
            partners: ["DSW21", "TU Dortmund"],
          },
          geometry: SQUARE,
        },
      ],
    };
    const result = await parseImport(new TextEncoder().encode(JSON.stringify(file)), "a.geojson");
    if (!result.ok) throw new Error("import failed");
    expect(readAreaAttributes(result.features[0]?.properties ?? {})).toEqual({
      attributes: {
        name: "Hafen",
        fields: ["mobilitaet", "energie"],
        status: "kandidat",
        partners: ["DSW21", "TU Dortmund"],
      },
      issues: [],
    });
  });

  it("takes codes, German and English labels as ';'- or ','-separated text, without doubles", () => {
    const { attributes, issues } = readAreaAttributes({
      fields: "mobilitaet, Mobility and logistics; people\nIT-Plattformen und Bürgerservices",
      status: "Agreed",
    });
    expect(attributes.fields).toEqual(["mobilitaet", "mensch", "it-buergerservice"]);
    expect(attributes.status).toBe("abgestimmt");
    expect(issues).toEqual([]);
  });

  it("splits partners at ';' and line breaks but never at ',', and never keeps JSON text as a name", () => {
    expect(readExportedAttributes({ partners: "Müller, Schmidt & Co;DSW21\nDEW21\r\n" }).partners).toEqual([
      "Müller, Schmidt & Co",
      "DSW21",
      "DEW21",
    ]);
    expect(readExportedAttributes({ partners: '["DSW21"]' }).partners).toEqual(["DSW21"]);
    expect(readExportedAttributes({ partners: "[]" }).partners).toEqual([]);
  });

  it('reads GDAL\'s string lists "(2:a,b)", as ogr2ogr writes arrays into a GeoPackage', async () => {
    const dir = mkdtempSync(join(tmpdir(), "pilotkarte-labels-"));
    try {
      const gpkg = join(dir, "labels.gpkg");
      execFileSync("ogr2ogr", ["-f", "GPKG", gpkg, LABELS_DE], { stdio: "ignore" });
      const result = await parseImport(new Uint8Array(readFileSync(gpkg)), "labels.gpkg", {
        sqlJsConfig: NODE_SQL_JS,
      });
      if (!result.ok) throw new Error("import failed");
      expect(result.features[0]?.properties.fields).toBe("(2:Mobilität und Logistik,Energie-Management)");
      const read = result.features.map((f) => readAreaAttributes(f.properties));
      expect(read.map((r) => r.attributes)).toEqual([
        {
          name: "Hafenquartier",
          fields: ["mobilitaet", "energie"],
          status: "kandidat",
          partners: ["DSW21", "TU Dortmund"],
          notes: "Von Hand geschrieben, mit deutschen Bezeichnungen",
        },
        { name: "Westpark", fields: ["mensch"], partners: ["DEW21", "Stadt Dortmund"] },
      ]);
      expect(read[1]?.issues.map((i) => [i.key, i.value, i.code])).toEqual([
        ["fields", "Landwirtschaft", "unknown-field"],
        ["status", "vielleicht", "unknown-status"],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // A "," inside an item that GDAL did not escape: the count does not match, the text is kept whole.
    expect(readExportedAttributes({ partners: "(1:Müller, Schmidt & Co)" }).partners).toEqual([
      "Müller, Schmidt & Co",
    ]);
  });

  it("reports every value it leaves out, with the property's name in the file", () => {
    const { attributes, issues } = readAreaAttributes({
      Handlungsfelder: '["Mobilität und Logistik", "Landwirtschaft", {"x": 1}]',
      Status: "vielleicht",
      Partner: '["DSW21", ["verschachtelt"]]',
    });
    expect(attributes).toEqual({ fields: ["mobilitaet"], partners: ["DSW21"] });
    expect(issues).toEqual([
      { key: "Handlungsfelder", value: '{"x":1}', code: "unreadable-value" },
      { key: "Handlungsfelder", value: "Landwirtschaft", code: "unknown-field" },
      { key: "Partner", value: '["verschachtelt"]', code: "unreadable-value" },
      { key: "Status", value: "vielleicht", code: "unknown-status" },
    ]);
  });

  it("refuses a list of several statuses, and cuts long values in the report", () => {
    const several = readAreaAttributes({ status: '["kandidat", "idee"]' });
    expect(several.attributes.status).toBeUndefined();
    expect(several.issues).toEqual([{ key: "status", value: "kandidat, idee", code: "unknown-status" }]);
    const long = readAreaAttributes({ status: "x".repeat(500) }).issues[0]?.value ?? "";
    expect(long.length).toBe(120);
    expect(long.endsWith("…")).toBe(true);
  });

  it("reads the label columns when the code columns are missing, and the Shapefile's short names", () => {
    expect(readExportedAttributes({ fields_label: "Energy management", status_l: "Idea" })).toEqual({
      fields: ["energie"],
      status: "idee",
    });
    expect(readExportedAttributes({ FIELDS: "energie", STATUS: "verworfen", NOTES: "x" })).toEqual({
      fields: ["energie"],
      status: "verworfen",
      notes: "x",
    });
  });

  it("reads the German CSV's headers", () => {
    expect(
      readExportedAttributes({
        "Handlungsfelder (Code)": "mensch",
        Handlungsfelder: "Mensch und demografischer Wandel",
        "Status (Code)": "kandidat",
        Partner: "DEW21",
        Notizen: "Notiz",
      }),
    ).toEqual({ fields: ["mensch"], status: "kandidat", partners: ["DEW21"], notes: "Notiz" });
  });

  it("reads a Pilotkarte export (German or English labels) to the same attributes as before", () => {
    const area = sampleArea(SQUARE);
    for (const language of ["de", "en"] as const) {
      const properties = buildGeoJsonExport(exportInputOf([area], { language })).features[0]?.properties;
      const read = readAreaAttributes(
        Object.fromEntries(Object.entries(properties ?? {}).filter(([, v]) => v !== null)) as Record<
          string,
          string | number
        >,
      );
      expect(read.issues).toEqual([]);
      expect(read.attributes).toEqual({
        name: area.name,
        fields: area.fields,
        partners: area.partners,
        status: area.status,
        notes: area.notes,
      });
    }
  });

  it("reads an export from before the label columns (codes only) the same way", () => {
    expect(
      readExportedAttributes({
        name: "Alt",
        fields: "energie;mobilitaet",
        partners: "DEW21;TU Dortmund",
        status: "kandidat",
        notes: "",
        residents_addresses_year: 2024,
      }),
    ).toEqual({
      name: "Alt",
      fields: ["energie", "mobilitaet"],
      partners: ["DEW21", "TU Dortmund"],
      status: "kandidat",
      notes: "",
    });
  });
});

describe("attribute issues in the preview", () => {
  const feature = (index: number, properties: ImportedFeature["properties"]): ImportedFeature => ({
    index,
    name: `Gebiet ${index + 1}`,
    geometry: SQUARE,
    properties,
  });

  it("lists each feature's values left out once (parts share properties), and counts what arrives", () => {
    const features = [
      feature(0, { fields: '["Mobilität und Logistik"]', status: "Kandidat", partners: '["DSW21"]' }),
      feature(1, { status: "vielleicht", fields: "energie" }),
      feature(1, { status: "vielleicht", fields: "energie" }),
      {
        index: 2,
        name: "Punkt",
        geometry: { type: "Point" as const, coordinates: [7.4, 51.5] },
        properties: { status: "egal" },
      },
    ];
    const { issues, found } = attributeIssuesOf(features);
    expect(issues).toEqual([
      { index: 1, name: "Gebiet 2", key: "status", value: "vielleicht", code: "unknown-status" },
    ]);
    expect(found).toEqual({ fields: 2, status: 1, partners: 1, notes: 0 });
    const preview = previewImport(
      {
        ok: true,
        kind: "mixed",
        features,
        report: { format: "geojson", sourceCrs: "EPSG:4326", featureCount: 3, repaired: [], dropped: [] },
      },
      { reportItems: 1 },
    );
    expect(preview.attributeIssueCount).toBe(1);
    expect(preview.attributeIssues).toEqual(issues);
    expect(preview.attributesFound).toEqual(found);
  });

  it("cuts the list to the report's length but counts all", () => {
    const features = [0, 1, 2].map((i) => feature(i, { status: "nein" }));
    const preview = previewImport(
      {
        ok: true,
        kind: "areas",
        features,
        report: { format: "geojson", sourceCrs: "EPSG:4326", featureCount: 3, repaired: [], dropped: [] },
      },
      { reportItems: 2 },
    );
    expect(preview.attributeIssues.map((i) => i.index)).toEqual([0, 1]);
    expect(preview.attributeIssueCount).toBe(3);
  });
});
