import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import { describe, expect, it } from "vitest";
import type { AreaAnalysis, VariantAnalysis } from "../../../src/domain/analysis/analysis-result.ts";
import { asAreaId, asPlanId, asVariantId } from "../../../src/domain/model/ids.ts";
import type { PilotArea, Variant } from "../../../src/domain/model/plan.ts";
import { areaLabelPoint, buildDeck, deckSlides } from "../../../src/domain/workshop/presentation.ts";
import { parseDeck, parsePresenterMessage } from "../../../src/domain/workshop/presenter-messages.ts";
import { rectangle } from "../../fixtures/geometry/builders.ts";

const square = (x: number) => rectangle(x, 51.5, x + 0.01, 51.51);

function area(id: string, name: string, x: number): PilotArea {
  return {
    id: asAreaId(id),
    name,
    fields: ["energie"],
    partners: ["Stadtwerke"],
    status: "kandidat",
    notes: `Notiz zu ${name}`,
    colour: "#0072b2",
    createdAt: "2026-11-26T10:00:00.000Z",
    updatedAt: "2026-11-26T10:00:00.000Z",
    geometry: square(x),
    origin: { kind: "drawn", tool: "rectangle" },
  };
}

function analysis(id: string, areaM2: number, districts: [string, number][]): AreaAnalysis {
  return {
    areaId: id,
    areaM2,
    perimeterM: 4000,
    city: null,
    levels: [
      {
        level: "stadtbezirk",
        districts: districts.map(([name, m2]) => ({
          code: name,
          name,
          intersectionM2: m2,
          shareOfDistrict: 0.1,
          shareOfArea: 0.5,
        })),
        shareOfAreaCovered: 1,
      },
    ],
    residents: {
      figures: [],
      low: 1000,
      high: 1200,
      cells: [],
      addressesInside: null,
      unplacedResidents: null,
    },
    facilities: [
      { layerId: "kitas", inside: { count: 3, byCategory: {}, ids: [] }, near: [] },
      { layerId: "stops", inside: { count: 4, byCategory: {}, ids: [] }, near: [] },
    ],
  };
}

const a = area("a", "Nord", 7.4);
const b = area("b", "Süd", 7.405);
const variant: Variant = {
  id: asVariantId("v1"),
  name: "Variante A",
  areaOrder: [a.id, b.id],
  areas: { a, b },
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
};
const empty: Variant = { ...variant, id: asVariantId("v2"), name: "Leer", areaOrder: [], areas: {} };
const variantAnalysis: VariantAnalysis = {
  areaCount: 2,
  overlaps: [
    {
      areaIdA: "a",
      areaIdB: "b",
      overlapM2: 500_000,
      overlapHa: 50,
      shareOfA: 0.5,
      shareOfB: 0.5,
      geometry: { type: "MultiPolygon", coordinates: [] },
    },
  ],
  totals: {
    sumOfAreasM2: 2_000_000,
    unionAreaM2: 1_500_000,
    residents: {
      figures: [],
      low: 1800,
      high: 2100,
      cells: [],
      addressesInside: null,
      unplacedResidents: null,
    },
    facilities: [
      { layerId: "kitas", count: 5, byCategory: {} },
      { layerId: "stops", count: 6, byCategory: {} },
    ],
  },
  uncoveredDistricts: [],
  fields: [],
};

const deck = buildDeck(
  { id: asPlanId("p1"), name: "Plan" },
  [variant, empty],
  {
    v1: {
      byArea: {
        a: analysis("a", 1_000_000, [
          ["Innenstadt-West", 200],
          ["Innenstadt-Nord", 800],
        ]),
        b: analysis("b", 1_000_000, [["Innenstadt-West", 900]]),
      },
      variant: variantAnalysis,
    },
  },
  "2026-11-26T10:30:00.000Z",
);

describe("buildDeck", () => {
  it("freezes per-area and per-variant figures", () => {
    const [first, second] = deck.variants;
    expect(first?.figures).toEqual({
      areaM2: 1_500_000,
      residents: { low: 1800, high: 2100 },
      facilities: 11,
      districts: ["Innenstadt-West", "Innenstadt-Nord"],
      overlaps: { count: 1, areaM2: 500_000, with: ["Nord / Süd"] },
    });
    expect(first?.areas[0]?.figures).toEqual({
      areaM2: 1_000_000,
      residents: { low: 1000, high: 1200 },
      facilities: 7,
      districts: ["Innenstadt-Nord", "Innenstadt-West"],
      overlaps: { count: 1, areaM2: 500_000, with: ["Süd"] },
    });
    expect(first?.areas[1]?.figures?.overlaps.with).toEqual(["Nord"]);
    // No analysis and no areas: no figures, but the slide still exists.
    expect(second).toEqual({ id: "v2", name: "Leer", areas: [], figures: null });
    expect(deckSlides(deck).map((s) => s.kind)).toEqual(["overview", "area", "area", "overview"]);
  });

  it("copies the geometry, so later edits do not reach a running presentation", () => {
    expect(deck.variants[0]?.areas[0]?.geometry).toEqual(a.geometry);
    expect(deck.variants[0]?.areas[0]?.geometry).not.toBe(a.geometry);
  });

  it("gives an area without analysis no figures", () => {
    const partial = buildDeck({ id: asPlanId("p1"), name: "Plan" }, [variant], {}, deck.frozenAt);
    expect(partial.variants[0]?.areas.map((x) => x.figures)).toEqual([null, null]);
    expect(partial.variants[0]?.figures).toBeNull();
  });
});

/** A deck as loose data, to break any part of it. */
// biome-ignore lint/suspicious/noExplicitAny: the test reaches into arbitrary paths of plain JSON
type Loose = Record<string, any>;

describe("deck messages", () => {
  it("round-trips a deck through JSON and the parser", () => {
    const message = JSON.parse(JSON.stringify({ type: "deck", deck, language: "de" }));
    expect(parsePresenterMessage(message)).toEqual({ type: "deck", deck, language: "de" });
  });

  it("rejects a deck with any malformed part", () => {
    const clone = () => structuredClone(deck) as unknown as Loose;
    const breakers: ((d: Loose) => void)[] = [
      (d) => (d.planId = ""),
      (d) => (d.frozenAt = "bald"),
      (d) => (d.variants = []),
      (d) => (d.variants[0].areas[0].geometry.type = "LineString"),
      (d) => (d.variants[0].areas[0].geometry.coordinates[0][1] = [Number.NaN, 51]),
      (d) => (d.variants[0].areas[0].geometry.coordinates[0][1] = [700, 51]),
      (d) => (d.variants[0].areas[0].geometry.coordinates[0] = [[7, 51]]),
      (d) => (d.variants[0].areas[0].name = 5),
      (d) => (d.variants[0].areas[0].notes = "x".repeat(20_001)),
      (d) => (d.variants[0].areas[0].figures.areaM2 = -1),
      (d) => (d.variants[0].areas[0].figures.facilities = 1.5),
      (d) => (d.variants[0].areas[0].figures.residents = { low: 1 }),
      (d) => (d.variants[0].areas[0].figures.districts = "Mitte"),
      (d) => (d.variants[0].areas[1].id = "a"),
      (d) => (d.variants[1].id = "v1"),
      (d) => delete d.variants[0].figures,
    ];
    for (const breaker of breakers) {
      const broken = clone();
      breaker(broken);
      expect(parseDeck(broken), breaker.toString()).toBeNull();
    }
    expect(parsePresenterMessage({ type: "deck", deck, language: "fr" })).toBeNull();
  });

  it("drops unknown keys and returns fresh objects", () => {
    const withExtra = { ...structuredClone(deck), script: "<img onerror>" };
    const parsed = parseDeck(withExtra);
    expect(parsed).toEqual(deck);
    expect(parsed?.variants[0]?.areas[0]?.geometry).not.toBe(withExtra.variants[0]?.areas[0]?.geometry);
  });
});

describe("areaLabelPoint", () => {
  it("puts the label at the centre of a convex area", () => {
    const [x, y] = areaLabelPoint(square(7.4));
    expect(x).toBeCloseTo(7.405, 9);
    expect(y).toBeCloseTo(51.505, 9);
  });

  it("puts the label inside a U-shape, whose centre lies outside", () => {
    const u = {
      type: "Polygon" as const,
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    const point = areaLabelPoint(u);
    expect(booleanPointInPolygon(point, u)).toBe(true);
  });

  it("labels the largest part of a multipolygon", () => {
    const multi = {
      type: "MultiPolygon" as const,
      coordinates: [
        square(7.4).coordinates,
        [
          [
            [8, 51],
            [8.1, 51],
            [8.1, 51.1],
            [8, 51.1],
            [8, 51],
          ],
        ],
      ],
    };
    const [x] = areaLabelPoint(multi);
    expect(x).toBeCloseTo(8.05, 9);
  });
});
