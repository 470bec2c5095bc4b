/**
 * The command line, run as a user would (tsx scripts/cli.ts) on a backup built with the app's own
 * factories and a tiny served-data folder written here (city, two Stadtbezirke, a census grid of two
 * cells, a Kita layer), so that the figures are known by hand; outputs are checked with GDAL.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Feature } from "geojson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArea, createPlan, createVariant } from "../../../src/domain/changes/index.ts";
import { featureCount, layerEpsg, ogrFeatures, ogrinfo } from "../../fixtures/exchange/ogr.ts";
import { cell, lat, lon } from "../../fixtures/geometry/builders.ts";

const NOW = "2025-05-06T07:08:09.000Z";
let dir: string;
let backup: string;
let data: string;

const collection = (features: Feature[]) => ({ type: "FeatureCollection", features });
const polygonFeature = (geometry: Feature["geometry"], properties: Record<string, unknown>): Feature => ({
  type: "Feature",
  geometry,
  properties,
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pilotkarte-cli-"));
  data = join(dir, "generated");
  mkdirSync(data);
  const files: Record<string, unknown> = {
    "city-boundary.geojson": collection([polygonFeature(cell(0, 0, 4, 4), { name: "Stadt" })]),
    "districts-stadtbezirk.geojson": collection([
      polygonFeature(cell(0, 0, 2, 4), { code: "01", name: "West", parentCode: "" }),
      polygonFeature(cell(2, 0, 2, 4), { code: "02", name: "Ost", parentCode: "" }),
    ]),
    "population-grid.geojson": collection([
      polygonFeature(cell(0, 0, 4, 2), { cellId: "S", residents: 2000 }),
      polygonFeature(cell(0, 2, 4, 2), { cellId: "N", residents: 600 }),
    ]),
    "kitas.geojson": collection(
      [
        [lon(1.5), lat(1.5)],
        [lon(2.5), lat(2.5)],
        [lon(0.5), lat(0.5)],
      ].map((coordinates, i) => ({
        type: "Feature",
        id: i + 1,
        geometry: { type: "Point", coordinates },
        properties: { category: "kita" },
      })),
    ),
    "catalogue.json": {
      formatVersion: 4,
      summary: { cityAreaKm2: 1, residentsGridInCity: 2600, addressCount: 0 },
      entries: [
        {
          id: "city",
          kind: "boundary",
          url: "generated/city-boundary.geojson",
          credit: "© Testland, dl-de/by-2-0",
        },
        {
          id: "stadtbezirke",
          kind: "reference-areas",
          level: "stadtbezirk",
          url: "generated/districts-stadtbezirk.geojson",
          credit: "© Testland, dl-de/by-2-0",
        },
        { id: "grid", kind: "population", url: "generated/population-grid.geojson", credit: "Zensus 2011" },
        { id: "kitas", kind: "facility-points", url: "generated/kitas.geojson", credit: "Kita-Liste Test" },
      ],
    },
  };
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(data, name), JSON.stringify(content));

  let n = 0;
  const ids = () => `id-${++n}`;
  const plan = createPlan("Pilotgebiete 2025", NOW, ids);
  const variant = createVariant("Variante A", NOW);
  const area = createArea(
    {
      geometry: cell(1, 1, 2, 2),
      origin: { kind: "drawn", tool: "rectangle" },
      name: "Mitte <Test>",
      fields: ["energie"],
      partners: ["Stadtwerke"],
      status: "kandidat",
    },
    NOW,
  );
  variant.areaOrder.push(area.id);
  variant.areas[area.id] = area;
  plan.variantOrder.push(variant.id);
  plan.variants[variant.id] = variant;
  backup = join(dir, "backup.json");
  writeFileSync(
    backup,
    JSON.stringify({
      format: "pilotkarte-backup",
      version: 1,
      exportedAt: NOW,
      generator: "test",
      plans: [{ plan }],
      snapshots: [],
    }),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/cli.ts", ...args], {
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run cli", () => {
  it("prints help and exits 0", () => {
    const run = cli("--help");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("npm run cli -- export <backup.json>");
  });

  it("exits 1 with a hint on wrong usage", () => {
    const run = cli("export", backup, "--format", "pdf", "--out", join(dir, "x"));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("--format muss eines von");
  });

  it("exits 2 when the plan is not in the backup", () => {
    const run = cli(
      "export",
      backup,
      "--plan",
      "Gibt es nicht",
      "--format",
      "geojson",
      "--out",
      join(dir, "x.geojson"),
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Pilotgebiete 2025 (id-1)");
  });

  it("exports a GeoPackage in EPSG:25832 with the figures of the analysis engine", () => {
    const out = join(dir, "plan.gpkg");
    const run = cli(
      "export",
      backup,
      "--plan",
      "pilotgebiete 2025",
      "--variant",
      "Variante A",
      "--format",
      "gpkg",
      "--crs",
      "25832",
      "--out",
      out,
      "--data",
      data,
    );
    expect(run.stderr).toContain("Kennzahlen für 1 Gebiete");
    expect(run.status).toBe(0);
    const summary = ogrinfo("-so", out, "pilot_areas");
    expect(featureCount(summary)).toBe(1);
    expect(layerEpsg(summary)).toBe(25832);
    expect(summary).toContain("Kita-Liste Test");
    const [row] = ogrFeatures(ogrinfo("-q", out, "pilot_areas"));
    expect(row?.name).toBe("Mitte <Test>");
    expect(row?.fac_kitas).toBe("2");
    expect(row?.fields_label).toBe("Energie-Management");
    expect(row?.status_label).toBe("Kandidat");
    expect(row?.stadtbezirke_label).toMatch(
      /^(West \(01\)|Ost \(02\)): 50 % des Gebiets, 25 % des Bezirks; /,
    );
    // Within 300 m: the two inside; the third lies about 650 m from the nearest corner.
    expect(row?.fac_kitas_300m).toBe("2");
    const dictionary = ogrFeatures(ogrinfo("-q", out, "pilot_areas_dictionary"));
    expect(dictionary.find((r) => r.column_name === "fac_kitas")?.source).toContain("Kita-Liste Test");
    // Half of the southern census cell's area (2 of 8 cells) and of the northern one's: 500 + 150.
    expect(Number(row?.residents_grid)).toBeGreaterThanOrEqual(649);
    expect(Number(row?.residents_grid)).toBeLessThanOrEqual(651);
    expect(row?.stadtbezirke).toMatch(/^0[12]=0\.5;0[12]=0\.5$/);
  });

  it("exports a Shapefile, a GeoJSON and both CSV tables that GDAL reads", () => {
    const shp = join(dir, "plan.zip");
    expect(cli("export", backup, "--format", "shp", "--out", shp, "--data", data).status).toBe(0);
    expect(layerEpsg(ogrinfo("-al", "-so", `/vsizip/${shp}`))).toBe(25832);
    const geojson = join(dir, "plan.geojson");
    expect(cli("export", backup, "--format", "geojson", "--out", geojson, "--no-analysis").status).toBe(0);
    const parsed = JSON.parse(readFileSync(geojson, "utf8"));
    expect(parsed.metadata.plan.name).toBe("Pilotgebiete 2025");
    expect(parsed.features[0].properties.residents_grid).toBeNull();
    const csv = join(dir, "plan.csv");
    expect(cli("export", backup, "--format", "csv", "--out", csv, "--data", data).status).toBe(0);
    expect(featureCount(ogrinfo("-al", "-so", csv))).toBe(1);
    expect(featureCount(ogrinfo("-al", "-so", join(dir, "plan-bezirke.csv")))).toBe(2);
  });

  it("writes the readable columns in English with --lang en and refuses other languages", () => {
    const out = join(dir, "plan-en.geojson");
    expect(
      cli("export", backup, "--format", "geojson", "--lang", "en", "--out", out, "--data", data).status,
    ).toBe(0);
    const parsed = JSON.parse(readFileSync(out, "utf8"));
    expect(parsed.metadata.language).toBe("en");
    expect(parsed.features[0].properties).toMatchObject({
      fields: "energie",
      fields_label: "Energy management",
      status_label: "Candidate",
    });
    expect(parsed.features[0].properties.stadtbezirke_label).toContain(
      "50% of the area, 25% of the district",
    );
    const wrong = cli("export", backup, "--format", "geojson", "--lang", "fr", "--out", out);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain("--lang muss de oder en sein");
  });

  it("lists the values an import would leave out", () => {
    const file = join(dir, "labels.geojson");
    writeFileSync(
      file,
      JSON.stringify(
        collection([
          polygonFeature(cell(1, 1, 2, 2), {
            name: "Nord",
            status: "vielleicht",
            fields: ["Energie-Management"],
          }),
        ]),
      ),
    );
    const run = cli("import", file);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Angaben, die nicht übernommen werden:");
    expect(run.stdout).toContain(
      "1. Nord: Feld „status“: „vielleicht“ unbekannt – Idee angenommen [unknown-status]",
    );
  });

  it("previews an import and asks for the CRS where the file does not say", () => {
    const csv = join(dir, "punkte.csv");
    writeFileSync(csv, "name;x;y\r\nA;393130,66;5707665,58\r\n");
    const asked = cli("import", csv);
    expect(asked.status).toBe(2);
    expect(asked.stderr).toContain("[needs-crs]");
    expect(asked.stderr).toContain("--crs 25832");
    const told = cli("import", csv, "--crs", "25832");
    expect(told.status).toBe(0);
    expect(told.stdout).toContain("1 Punkte");
    expect(told.stdout).toMatch(/Punkt 7\.4600\d*, 51\.5100\d*/);
  });

  it("prints a JSON error object for a missing file with --json, and exits 2", () => {
    const run = cli("import", join(dir, "fehlt.geojson"), "--json");
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      ok: false,
      error: { code: "file-not-found", message: `${join(dir, "fehlt.geojson")}: Datei nicht gefunden` },
    });
    // Wrong usage too.
    const wrong = cli("import", "x.geojson", "--crs", "31467", "--json");
    expect(wrong.status).toBe(1);
    expect(JSON.parse(wrong.stdout).error.code).toBe("usage");
  });

  describe("a file with latitude first (Dortmund would land in Somalia)", () => {
    const swappedFile = () => {
      const path = join(dir, "vertauscht.geojson");
      const ring = [
        [51.51, 7.45],
        [51.51, 7.46],
        [51.516, 7.46],
        [51.516, 7.45],
        [51.51, 7.45],
      ];
      writeFileSync(
        path,
        JSON.stringify(
          collection([polygonFeature({ type: "Polygon", coordinates: [ring] }, { name: "Körne" })]),
        ),
      );
      return path;
    };

    it("warns on stderr and in the JSON output, and exits 2", () => {
      const path = swappedFile();
      const text = cli("import", path);
      expect(text.status).toBe(2);
      expect(text.stdout).toContain("Körne");
      expect(text.stderr).toContain("[axes-look-swapped]");
      expect(text.stderr).toContain("--swap-axes");
      const json = cli("import", path, "--json");
      expect(json.status).toBe(2);
      const output = JSON.parse(json.stdout);
      expect(output.ok).toBe(true);
      expect(output.warnings.map((w: { code: string }) => w.code)).toEqual(["axes-look-swapped"]);
    });

    it("swaps the axes with --swap-axes, and accepts the place as it is with --keep-axes", () => {
      const path = swappedFile();
      const swapped = cli("import", path, "--swap-axes", "--json");
      expect(swapped.status).toBe(0);
      const output = JSON.parse(swapped.stdout);
      expect(output.warnings).toEqual([]);
      expect(output.report.axesSwapped).toBe(true);
      expect(output.features[0].geometry.coordinates[0]).toContainEqual([7.45, 51.51]);
      const kept = cli("import", path, "--keep-axes");
      expect(kept.status).toBe(0);
      expect(kept.stderr).not.toContain("axes-look-swapped");
    });
  });
});
