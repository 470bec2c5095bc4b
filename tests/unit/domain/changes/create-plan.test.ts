import { describe, expect, it } from "vitest";
import { applyChangeSet } from "../../../../src/domain/changes/change-set.ts";
import {
  createArea,
  createPlan,
  createVariant,
  nextAreaColour,
} from "../../../../src/domain/changes/create-plan.ts";
import { asAreaId, asVariantId } from "../../../../src/domain/model/ids.ts";
import { AREA_COLOURS, type PilotArea, PLAN_SCHEMA_VERSION } from "../../../../src/domain/model/plan.ts";
import { validateAreaAttributes } from "../../../../src/domain/model/validate-attributes.ts";
import { consistencyProblems, deepFreeze, makeArea, makeVariant, square, T0 } from "./plan-fixtures.ts";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("createPlan", () => {
  it("makes an empty plan at the current schema version with the id from the factory", () => {
    expect(createPlan("Pilotgebiete", T0, () => "p-1")).toStrictEqual({
      id: "p-1",
      schemaVersion: PLAN_SCHEMA_VERSION,
      name: "Pilotgebiete",
      variantOrder: [],
      variants: {},
      createdAt: T0,
      updatedAt: T0,
    });
  });

  it("uses a random UUID when no id factory is given", () => {
    const first = createPlan("A", T0);
    const second = createPlan("A", T0);
    expect(first.id).toMatch(UUID_V4);
    expect(first.id).not.toBe(second.id);
  });
});

describe("createVariant", () => {
  it("makes an empty, consistent variant that a variant/put accepts", () => {
    const variant = createVariant("Variante A", T0, asVariantId("v-a"));
    expect(variant).toStrictEqual({
      id: "v-a",
      name: "Variante A",
      areaOrder: [],
      areas: {},
      createdAt: T0,
      updatedAt: T0,
    });
    const plan = applyChangeSet(deepFreeze(createPlan("P", T0, () => "p")), {
      label: "Variante anlegen",
      changes: [{ type: "variant/put", variant }],
    }).plan;
    expect(plan.variantOrder).toEqual(["v-a"]);
    expect(consistencyProblems(plan)).toEqual([]);
  });
});

describe("createArea", () => {
  const geometry = square(0, 0);
  const origin = { kind: "drawn", tool: "polygon" } as const;

  it("fills every default: no name, status idee, no fields or partners, empty notes, first colour", () => {
    expect(createArea({ geometry, origin }, T0, asAreaId("a-1"))).toStrictEqual({
      id: "a-1",
      name: "",
      fields: [],
      partners: [],
      status: "idee",
      notes: "",
      colour: AREA_COLOURS[0],
      createdAt: T0,
      updatedAt: T0,
      geometry,
      origin,
    });
  });

  it("keeps the attributes it is given, copying the arrays", () => {
    const fields = ["energie" as const];
    const area = createArea(
      { geometry, origin, name: "Hafen", fields, colour: "#009e73", status: "kandidat" },
      T0,
    );
    expect(area).toMatchObject({ name: "Hafen", fields: ["energie"], colour: "#009e73", status: "kandidat" });
    expect(area.fields).not.toBe(fields);
    expect(area.id).toMatch(UUID_V4);
  });

  it("is not yet valid for saving until it has a name and a field", () => {
    expect(validateAreaAttributes(createArea({ geometry, origin }, T0))).toEqual([
      { field: "name", code: "required" },
      { field: "fields", code: "required" },
    ]);
  });
});

describe("nextAreaColour", () => {
  it("cycles through the palette in order as areas are added one by one", () => {
    const areas: PilotArea[] = [];
    const picked: string[] = [];
    for (let i = 0; i < AREA_COLOURS.length + 2; i++) {
      const colour = nextAreaColour(makeVariant("v", areas));
      picked.push(colour);
      areas.push(makeArea(`a${i}`, { colour }));
    }
    expect(picked).toEqual([...AREA_COLOURS, AREA_COLOURS[0], AREA_COLOURS[1]]);
  });

  it("reuses first a colour freed by deleting an area", () => {
    const areas = AREA_COLOURS.map((colour, i) => makeArea(`a${i}`, { colour }));
    const variant = makeVariant(
      "v",
      areas.filter((area) => area.colour !== AREA_COLOURS[2]),
    );
    expect(nextAreaColour(variant)).toBe(AREA_COLOURS[2]);
  });

  it("counts colours written in upper case as the palette colour", () => {
    const variant = makeVariant("v", [makeArea("a", { colour: (AREA_COLOURS[0] as string).toUpperCase() })]);
    expect(nextAreaColour(variant)).toBe(AREA_COLOURS[1]);
  });
});
