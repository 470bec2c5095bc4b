import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import {
  type GridCell,
  labelPoint,
  type ReferenceLevels,
  residentsAreaWeighted,
  roundGeometry,
  stadtbezirkCodesFrom,
  transformBoundary,
  transformBoundaryFromDistricts,
  transformCityFacility,
  transformCityRegion,
  transformHealthcare,
  transformPopulationGrid,
  transformReferenceAreas,
  transformSchoolsNrw,
  transformTransitStops,
} from "../../../data/pipeline/transforms.ts";
import type { ReferenceAreaProperties } from "../../../src/domain/model/catalogue.ts";
import { rectangle } from "../../fixtures/geometry/builders.ts";
import {
  collection,
  ellipsoidRectKm2,
  feature,
  insidePolygon,
  nth,
  point,
  readFixture,
  sphericalRectKm2,
} from "./helpers.ts";

const props = (fc: FeatureCollection, index = 0) => fc.features[index]?.properties as Record<string, unknown>;

/** Number of decimals in the shortest representation of a number. */
const decimals = (n: number) => (String(n).split(".")[1] ?? "").length;

function cityFacility(properties: Record<string, unknown>, at: Position = [7.46, 51.51]): Feature {
  return feature(point(at[0] ?? 0, at[1] ?? 0), {
    objektart: "Kindergarten",
    objektname: "Kita",
    objektzusa: null,
    strasse: "Hohe Straße",
    hausnummer: "1",
    ...properties,
  });
}

describe("roundGeometry", () => {
  it("rounds point coordinates to 6 decimals", () => {
    const rounded = roundGeometry(point(7.4051234567, 51.5059876543));
    expect(rounded.coordinates).toEqual([7.405123, 51.505988]);
  });

  it("drops the height of a 3D position", () => {
    expect(roundGeometry({ type: "Point", coordinates: [7.4, 51.5, 120] }).coordinates).toEqual([7.4, 51.5]);
  });

  it("rounds every polygon vertex and drops repeats that rounding creates, keeping the ring closed", () => {
    const polygon: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [7.4000001, 51.5000001],
          [7.44, 51.5],
          [7.4400001, 51.5000002],
          [7.44, 51.52],
          [7.4, 51.52],
          [7.4, 51.5],
        ],
      ],
    };
    expect(roundGeometry(polygon).coordinates).toEqual(rectangle(7.4, 51.5, 7.44, 51.52).coordinates);
  });

  it("rounds each polygon of a MultiPolygon", () => {
    const multi: MultiPolygon = {
      type: "MultiPolygon",
      coordinates: [
        [
          [
            [7.12345678, 51.1],
            [7.2, 51.1],
            [7.2, 51.2],
            [7.12345678, 51.1],
          ],
        ],
      ],
    };
    expect(roundGeometry(multi).coordinates[0]?.[0]?.[0]).toEqual([7.123457, 51.1]);
  });

  it("does not change the input geometry", () => {
    const original = point(7.4051234567, 51.5);
    roundGeometry(original);
    expect(original.coordinates).toEqual([7.4051234567, 51.5]);
  });
});

describe("transformCityFacility", () => {
  it("builds name, readable category, address, note, district and link", () => {
    const raw = collection([
      cityFacility({
        objektart: "Foerderschule",
        objektname: "Schule am Park",
        objektzusa: "Teilstandort",
        strasse: "Parkweg",
        hausnummer: "3a",
        i_zusinfo: "  barrierefrei ",
        ubz: "Hörde",
        ubznr: 711,
        link: "https://example.org",
      }),
    ]);
    expect(props(transformCityFacility(raw))).toEqual({
      name: "Schule am Park – Teilstandort",
      category: "Förderschule",
      address: "Parkweg 3a",
      note: "barrierefrei",
      district: "Hörde (711)",
      link: "https://example.org",
    });
  });

  it("maps the portal's keys to German labels and keeps unknown keys as they are", () => {
    const raw = collection([
      cityFacility({ objektart: "Kindergarten" }),
      cityFacility({ objektart: "Seniorenbegegnungsstaette" }),
      cityFacility({ objektart: "Realschule" }),
    ]);
    const out = transformCityFacility(raw);
    expect(out.features.map((f) => f.properties?.category)).toEqual([
      "Kindertageseinrichtung",
      "Seniorenbegegnungsstätte",
      "Realschule",
    ]);
  });

  it("leaves out missing parts instead of writing null or dangling separators", () => {
    const raw = collection([cityFacility({ objektzusa: null, hausnummer: null, ubz: null, link: null })]);
    const p = props(transformCityFacility(raw));
    expect(p.name).toBe("Kita");
    expect(p.address).toBe("Hohe Straße");
    expect(p.district).toBe("");
    expect(p.link).toBe("");
    expect(p.note).toBe("");
  });

  it("numbers features 1..n and rounds their coordinates", () => {
    const raw = collection([
      cityFacility({}, [7.4051234567, 51.5051234567]),
      cityFacility({}, [7.41, 51.51]),
      cityFacility({}, [7.42, 51.52]),
    ]);
    const out = transformCityFacility(raw);
    expect(out.features.map((f) => f.id)).toEqual([1, 2, 3]);
    expect((nth(out.features, 0).geometry as Point).coordinates).toEqual([7.405123, 51.505123]);
  });
});

describe("transformSchoolsNrw", () => {
  const school = (properties: Record<string, unknown>) =>
    feature(point(7.45, 51.51), {
      schulnummer: "100001",
      name: "Grundschule",
      schulform: "Grundschule",
      schulform_code: "02",
      schulbetriebsschluessel: "1",
      strasse: "Hafenstraße 2",
      plz: "44147",
      ort: "Dortmund",
      rechtsform: "öffentlich",
      schueler_2024_25: 212,
      sozialindex_2025_26: "7",
      ...properties,
    });

  it("drops the school office (schulform_code 0A) and schools with operation key 9", () => {
    const raw = collection([
      school({ schulnummer: "1" }),
      school({ schulnummer: "2", schulform_code: "0A" }),
      school({ schulnummer: "3", schulbetriebsschluessel: "9" }),
      school({ schulnummer: "4", schulbetriebsschluessel: 9 }),
      school({ schulnummer: "5", schulbetriebsschluessel: "2" }),
    ]);
    const out = transformSchoolsNrw(raw);
    expect(out.features.map((f) => f.properties?.schoolNumber)).toEqual(["1", "5"]);
    expect(out.features.map((f) => f.id)).toEqual([1, 2]);
  });

  it("builds the address and reads pupils and social index as numbers", () => {
    const out = transformSchoolsNrw(collection([school({ sozialindex_2025_26: "3,5" })]));
    expect(props(out)).toEqual({
      name: "Grundschule",
      category: "Grundschule",
      address: "Hafenstraße 2, 44147 Dortmund",
      pupils: 212,
      socialIndex: 3.5,
      operator: "öffentlich",
      schoolNumber: "100001",
    });
  });

  it("gives null for missing or non-numeric counts", () => {
    const out = transformSchoolsNrw(
      collection([
        school({ schueler_2024_25: null, sozialindex_2025_26: "" }),
        school({ schueler_2024_25: "k.A." }),
      ]),
    );
    expect(props(out, 0).pupils).toBeNull();
    expect(props(out, 0).socialIndex).toBeNull();
    expect(props(out, 1).pupils).toBeNull();
  });
});

describe("transformTransitStops", () => {
  const stop = (properties: Record<string, unknown>) =>
    feature(point(7.41, 51.505), { stop_id: "de:05913:1", name: "DO Hohe Straße", ...properties });
  const routes = {
    "de:05913:1": [
      { line: "440", origin: "DO Aplerbeck", destination: "DO Hbf" },
      { line: "440", origin: "DO Hbf", destination: "DO Aplerbeck" },
      { line: "440", origin: "DO Hörde", destination: "DO Hbf" },
      { line: "NE40", origin: "DO Hbf", destination: "DO Hörde" },
    ],
  };

  it("joins lines and lists each line's distinct destinations from the routes", () => {
    const out = transformTransitStops(collection([stop({ lines: ["440", "NE40"], n_lines: 2 })]), routes);
    expect(props(out)).toEqual({
      name: "DO Hohe Straße",
      lines: "440, NE40",
      lineCount: 2,
      directions: "440 → DO Hbf / DO Aplerbeck; NE40 → DO Hörde",
      stopId: "de:05913:1",
    });
  });

  it("leaves directions empty for a stop without routes", () => {
    const out = transformTransitStops(
      collection([stop({ stop_id: "de:05913:99", lines: ["U47"], n_lines: 1 })]),
      routes,
    );
    expect(props(out).directions).toBe("");
  });

  it("splits lines given as text and counts them when n_lines is missing", () => {
    const out = transformTransitStops(collection([stop({ lines: "440; NE40,U47", n_lines: null })]), {});
    expect(props(out).lines).toBe("440, NE40, U47");
    expect(props(out).lineCount).toBe(3);
  });

  it("counts no lines for a stop whose lines are null and n_lines is missing", () => {
    const out = transformTransitStops(collection([stop({ lines: null, n_lines: null })]), {});
    expect(props(out).lines).toBe("");
    expect(props(out).lineCount).toBe(0);
  });

  it("numbers stops 1..n", () => {
    const out = transformTransitStops(collection([stop({ lines: [] }), stop({ lines: [] })]), {});
    expect(out.features.map((f) => f.id)).toEqual([1, 2]);
  });
});

describe("transformHealthcare", () => {
  it("names OSM healthcare tags in German, keeps unknown tags and marks missing ones", () => {
    const raw = collection([
      feature(point(7.41, 51.5), { osm_id: 1, healthcare: "pharmacy" }),
      feature(point(7.42, 51.5), { osm_id: 2, healthcare: "sample_collection" }),
      feature(point(7.43, 51.5), { osm_id: 3, healthcare: null }),
    ]);
    const out = transformHealthcare(raw);
    expect(out.features.map((f) => f.properties?.category)).toEqual([
      "Apotheke",
      "sample_collection",
      "unbekannt",
    ]);
    expect(props(out, 0)).toEqual({ name: "Apotheke", category: "Apotheke", osmTag: "pharmacy", osmId: "1" });
  });
});

describe("transformCityRegion", () => {
  it("renames the indicators and keeps missing ones as null", () => {
    const out = transformCityRegion(readFixture("city-region-inkar/stadtregion_dortmund_inkar2023.geojson"));
    expect(props(out, 1)).toEqual({
      name: "Castrop-Rauxel",
      ags: "05562004",
      employmentRate: 60.5,
      populationChange5y: null,
      share65plus: 23.3,
      longTermUnemployed: 40.8,
    });
  });
});

describe("transformBoundary", () => {
  it("computes the boundary's area on the WGS84 ellipsoid in km²", () => {
    const out = transformBoundary(readFixture("city-boundary/dortmund_vg250_bkg_recent.geojson"));
    const expected = ellipsoidRectKm2(7.4, 51.5, 7.48, 51.54);
    expect(props(out)).toMatchObject({ name: "Dortmund", ags: "05913000" });
    expect(props(out).areaKm2 as number).toBeCloseTo(expected, 3);
    // The sphere would be about 0.3 % (0.07 km²) low here: the check above tells them apart.
    expect(Math.abs(expected - sphericalRectKm2(7.4, 51.5, 7.48, 51.54))).toBeGreaterThan(0.01);
  });
});

describe("transformBoundaryFromDistricts", () => {
  it("dissolves the Stadtbezirke into one outline with their joint area", () => {
    const out = transformBoundaryFromDistricts(readFixture("districts/dortmund_stadtbezirke.geojson"));
    expect(out.features).toHaveLength(1);
    const outline = out.features[0];
    expect(outline?.id).toBe(1);
    expect(outline?.properties?.name).toBe("Dortmund");
    expect(outline?.properties?.areaKm2 as number).toBeCloseTo(ellipsoidRectKm2(7.4, 51.5, 7.48, 51.52), 3);
    expect(outline?.geometry.type).toBe("Polygon");
    // The shared border at 7.44 is gone: only the outer box remains (the union may keep 7.44 as a vertex).
    const ring = (nth(out.features, 0).geometry as Polygon).coordinates;
    expect(ring).toHaveLength(1);
    expect(insidePolygon([7.44, 51.51], ring)).toBe(true);
    expect(insidePolygon([7.41, 51.515], ring)).toBe(true);
    expect(insidePolygon([7.47, 51.505], ring)).toBe(true);
    expect(insidePolygon([7.44, 51.53], ring)).toBe(false);
  });

  it("keeps separate parts when the districts do not touch", () => {
    const apart = collection([
      feature(rectangle(7.4, 51.5, 7.42, 51.52), { name: "A" }),
      feature(rectangle(7.46, 51.5, 7.48, 51.52), { name: "B" }),
    ]);
    const outline = transformBoundaryFromDistricts(apart).features[0];
    expect(outline?.geometry.type).toBe("MultiPolygon");
    expect(outline?.properties?.areaKm2 as number).toBeCloseTo(
      ellipsoidRectKm2(7.4, 51.5, 7.42, 51.52) + ellipsoidRectKm2(7.46, 51.5, 7.48, 51.52),
      3,
    );
  });
});

describe("transformPopulationGrid", () => {
  it("serves residents and density per km² of the cell's WGS84 area and keeps secret counts as null", () => {
    const { served, cells } = transformPopulationGrid(
      readFixture("census2011-grid-1km/dortmund_zensus2011_grid_1km.geojson"),
    );
    expect(cells.map((c) => c.residents)).toEqual([1000, 400, null]);
    // The app's one area measure (ellipsoidal), no longer Turf's sphere (about 0.3 % lower here).
    expect(cells[0]?.areaM2).toBeCloseTo(ellipsoidRectKm2(7.4, 51.5, 7.44, 51.52) * 1e6, 0);
    expect(cells[0]?.bbox).toEqual([7.4, 51.5, 7.44, 51.52]);
    const first = props(served, 0);
    expect(first.cellId).toBe("1kmN0001E0001");
    expect(first.density).toBe(Math.round(1000 / ellipsoidRectKm2(7.4, 51.5, 7.44, 51.52)));
    expect(first.meanAge).toBe(44);
    expect(props(served, 2).residents).toBeNull();
    expect(props(served, 2).density).toBeNull();
    expect(props(served, 2).fracInCity).toBe(0.5);
  });
});

describe("residentsAreaWeighted", () => {
  /** Cells built the way the data step builds them. */
  function cells(...specs: [Polygon, number | null][]): GridCell[] {
    return transformPopulationGrid(
      collection(specs.map(([geometry, residents]) => feature(geometry, { Einwohner: residents }))),
    ).cells;
  }
  const cellA = rectangle(7.4, 51.5, 7.44, 51.52);
  const cellB = rectangle(7.44, 51.5, 7.48, 51.52);

  it("gives half the residents for a polygon covering exactly half of a cell", () => {
    const residents = residentsAreaWeighted(rectangle(7.4, 51.5, 7.42, 51.52), cells([cellA, 1000]));
    expect(Math.abs(residents - 500)).toBeLessThan(5);
  });

  it("gives all residents for a polygon that contains the whole cell", () => {
    const residents = residentsAreaWeighted(rectangle(7.39, 51.49, 7.45, 51.53), cells([cellA, 1000]));
    expect(residents).toBeCloseTo(1000, 6);
  });

  it("adds the shares of several cells", () => {
    // Half of A (500) and a quarter of B (100).
    const area = rectangle(7.42, 51.5, 7.45, 51.52);
    expect(residentsAreaWeighted(area, cells([cellA, 1000], [cellB, 400]))).toBeCloseTo(600, 6);
  });

  it("lets cells with null or zero residents contribute nothing", () => {
    const area = rectangle(7.42, 51.5, 7.46, 51.52);
    expect(residentsAreaWeighted(area, cells([cellA, null], [cellB, 400]))).toBeCloseTo(200, 6);
    expect(residentsAreaWeighted(area, cells([cellA, 0], [cellB, null]))).toBe(0);
  });

  it("gives 0 for a polygon outside all cells", () => {
    expect(residentsAreaWeighted(rectangle(7.6, 51.4, 7.62, 51.42), cells([cellA, 1000], [cellB, 400]))).toBe(
      0,
    );
  });

  it("gives 0 for a polygon that only shares an edge with a cell", () => {
    // The bounding boxes touch, so the cell is intersected, but the common part has no area.
    expect(residentsAreaWeighted(rectangle(7.4, 51.52, 7.44, 51.54), cells([cellA, 1000]))).toBeCloseTo(0, 6);
  });

  it("counts every part of a MultiPolygon", () => {
    const multi: MultiPolygon = {
      type: "MultiPolygon",
      coordinates: [
        rectangle(7.4, 51.5, 7.41, 51.52).coordinates,
        rectangle(7.43, 51.5, 7.44, 51.52).coordinates,
      ],
    };
    expect(residentsAreaWeighted(multi, cells([cellA, 1000]))).toBeCloseTo(500, 6);
  });
});

describe("labelPoint", () => {
  it("puts the label inside a U-shaped polygon whose bounding-box centre lies in the notch", () => {
    const u: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [7.4, 51.5],
          [7.46, 51.5],
          [7.46, 51.53],
          [7.44, 51.53],
          [7.44, 51.51],
          [7.42, 51.51],
          [7.42, 51.53],
          [7.4, 51.53],
          [7.4, 51.5],
        ],
      ],
    };
    // The yardstick agrees that the box centre is outside.
    expect(insidePolygon([7.43, 51.515], u.coordinates)).toBe(false);
    const label = labelPoint(u);
    expect(insidePolygon(label, u.coordinates)).toBe(true);
  });

  it("puts the label in the largest part of a MultiPolygon", () => {
    const small = rectangle(7.4, 51.5, 7.401, 51.501);
    const large = rectangle(7.45, 51.5, 7.47, 51.52);
    const label = labelPoint({ type: "MultiPolygon", coordinates: [small.coordinates, large.coordinates] });
    expect(insidePolygon(label, large.coordinates)).toBe(true);
  });

  it("avoids a hole", () => {
    const withHole: Polygon = {
      type: "Polygon",
      coordinates: [
        rectangle(7.4, 51.5, 7.44, 51.52).coordinates[0] as Position[],
        (rectangle(7.41, 51.505, 7.43, 51.515).coordinates[0] as Position[]).slice().reverse(),
      ],
    };
    const label = labelPoint(withHole);
    expect(insidePolygon(label, withHole.coordinates)).toBe(true);
  });

  it("rounds the label to 6 decimals", () => {
    const [x = 0, y = 0] = labelPoint(rectangle(7.4000001, 51.5000003, 7.4123457, 51.5123451));
    expect(decimals(x)).toBeLessThanOrEqual(6);
    expect(decimals(y)).toBeLessThanOrEqual(6);
  });
});

describe("stadtbezirkCodesFrom", () => {
  it("maps Stadtbezirk names to the numbers in the facility records, first record wins", () => {
    const facilities = collection([
      feature(point(7.4, 51.5), { stadtbezbe: "Aplerbeck", stadtbeznr: 4 }),
      feature(point(7.4, 51.5), { stadtbezbe: "Aplerbeck", stadtbeznr: 99 }),
      feature(point(7.4, 51.5), { stadtbezbe: "Hörde", stadtbeznr: null }),
      feature(point(7.4, 51.5), { stadtbezbe: "", stadtbeznr: 5 }),
    ]);
    const more = collection([feature(point(7.4, 51.5), { stadtbezbe: "Hörde", stadtbeznr: "7" })]);
    expect([...stadtbezirkCodesFrom([facilities, more])]).toEqual([
      ["Aplerbeck", "4"],
      ["Hörde", "7"],
    ]);
  });
});

describe("transformReferenceAreas", () => {
  const raw: ReferenceLevels = {
    stadtbezirk: readFixture("districts/dortmund_stadtbezirke.geojson"),
    "statistischer-bezirk": readFixture("districts/dortmund_statistische_bezirke.geojson"),
    unterbezirk: readFixture("districts/dortmund_statistische_unterbezirke.geojson"),
  };
  const grid = transformPopulationGrid(
    readFixture("census2011-grid-1km/dortmund_zensus2011_grid_1km.geojson"),
  );
  const codes = stadtbezirkCodesFrom([readFixture("city-facilities/kindergarten.geojson")]);
  const { served, labels } = transformReferenceAreas(raw, grid.cells, codes);
  const areas = (level: keyof ReferenceLevels) =>
    served[level].features.map((f) => f.properties as ReferenceAreaProperties);

  it("computes residents of the Unterbezirke from the grid by area", () => {
    expect(areas("unterbezirk").map((p) => [p.code, p.residents2011])).toEqual([
      ["001", 250],
      ["002", 250],
      ["011", 500],
      ["101", 400],
    ]);
  });

  it("sums residents upwards exactly: Unterbezirke into Statistische Bezirke into Stadtbezirke", () => {
    const ubz = areas("unterbezirk");
    const statbez = areas("statistischer-bezirk");
    const stadtbezirke = areas("stadtbezirk");
    expect(statbez.map((p) => [p.code, p.residents2011])).toEqual([
      ["00", 500],
      ["01", 500],
      ["10", 400],
    ]);
    expect(stadtbezirke.map((p) => [p.name, p.residents2011])).toEqual([
      ["Innenstadt-West", 1000],
      ["Innenstadt-Nord", 400],
    ]);
    for (const s of statbez) {
      const children = ubz.filter((u) => u.parentCode === s.code);
      expect(children.length).toBeGreaterThan(0);
      expect(s.residents2011).toBe(children.reduce((sum, u) => sum + (u.residents2011 ?? 0), 0));
    }
    for (const b of stadtbezirke) {
      const children = statbez.filter((s) => s.parentName === b.name);
      expect(b.residents2011).toBe(children.reduce((sum, s) => sum + (s.residents2011 ?? 0), 0));
    }
  });

  it("sets codes, parent codes and parent names on every level", () => {
    expect(areas("stadtbezirk")[0]).toMatchObject({
      code: "1",
      name: "Innenstadt-West",
      level: "stadtbezirk",
      parentCode: "",
      parentName: "",
      stadtbezirk: "Innenstadt-West",
    });
    expect(areas("statistischer-bezirk")[2]).toMatchObject({
      code: "10",
      name: "Hafen",
      level: "statistischer-bezirk",
      parentCode: "2",
      parentName: "Innenstadt-Nord",
      stadtbezirk: "Innenstadt-Nord",
    });
    expect(areas("unterbezirk")[1]).toMatchObject({
      code: "002",
      name: "City-Ost",
      level: "unterbezirk",
      parentCode: "00",
      parentName: "City",
      stadtbezirk: "Innenstadt-West",
    });
  });

  it("takes the parent name from the Statistische Bezirke when an Unterbezirk lacks statbez_name", () => {
    const withoutName = structuredClone(raw);
    const first = withoutName.unterbezirk.features[0];
    if (first?.properties) first.properties.statbez_name = "";
    const out = transformReferenceAreas(withoutName, grid.cells, codes);
    expect((nth(out.served.unterbezirk.features, 0).properties as ReferenceAreaProperties).parentName).toBe(
      "City",
    );
  });

  it("leaves the code empty when a Stadtbezirk's number is unknown", () => {
    const out = transformReferenceAreas(raw, grid.cells, new Map());
    expect((nth(out.served.stadtbezirk.features, 0).properties as ReferenceAreaProperties).code).toBe("");
  });

  it("computes each area's size on the WGS84 ellipsoid in km²", () => {
    expect(areas("unterbezirk")[2]?.areaKm2).toBeCloseTo(ellipsoidRectKm2(7.42, 51.5, 7.44, 51.52), 3);
    expect(areas("stadtbezirk")[1]?.areaKm2).toBeCloseTo(ellipsoidRectKm2(7.44, 51.5, 7.48, 51.52), 3);
  });

  it("gives one label per area, with the same id, code and name, inside its polygon", () => {
    for (const level of ["stadtbezirk", "statistischer-bezirk", "unterbezirk"] as const) {
      const areasOfLevel = served[level].features as Feature<Polygon, ReferenceAreaProperties>[];
      const labelsOfLevel = labels[level].features as Feature<Point>[];
      expect(labelsOfLevel).toHaveLength(areasOfLevel.length);
      areasOfLevel.forEach((area, i) => {
        const label = labelsOfLevel[i] as Feature<Point>;
        expect(area.id).toBe(i + 1);
        expect(label.id).toBe(area.id);
        expect(label.properties).toEqual({ code: area.properties.code, name: area.properties.name });
        expect(insidePolygon(label.geometry.coordinates, area.geometry.coordinates)).toBe(true);
      });
    }
  });
});
