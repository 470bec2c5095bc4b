import { describe, expect, it } from "vitest";
import type { AllianceField } from "../../../../src/domain/model/catalogue.ts";
import type { AreaAttributes } from "../../../../src/domain/model/plan.ts";
import {
  MAX_AREA_NAME_LENGTH,
  validateAreaAttributes,
} from "../../../../src/domain/model/validate-attributes.ts";

const valid: Readonly<AreaAttributes> = Object.freeze<AreaAttributes>({
  name: "Nordstadt",
  fields: ["energie", "mensch"],
  partners: [],
  status: "idee",
  notes: "",
  colour: "#0072b2",
});

const check = (changes: Partial<AreaAttributes>) => validateAreaAttributes({ ...valid, ...changes });

describe("validateAreaAttributes", () => {
  it("reports no problems for valid attributes", () => {
    expect(validateAreaAttributes(valid)).toEqual([]);
  });

  describe("name", () => {
    it.each(["", "   ", "\t\n"])("is required, also when it is only white space (%j)", (name) => {
      expect(check({ name })).toEqual([{ field: "name", code: "required" }]);
    });

    it("may be exactly the maximum length", () => {
      expect(check({ name: "x".repeat(MAX_AREA_NAME_LENGTH) })).toEqual([]);
    });

    it("is too long one character past the maximum", () => {
      expect(MAX_AREA_NAME_LENGTH).toBe(120);
      expect(check({ name: "x".repeat(MAX_AREA_NAME_LENGTH + 1) })).toEqual([
        { field: "name", code: "too-long" },
      ]);
    });

    it("is measured after trimming", () => {
      expect(check({ name: `  ${"x".repeat(MAX_AREA_NAME_LENGTH)}  ` })).toEqual([]);
    });

    it("counts a character outside the basic plane once", () => {
      // Each emoji is two UTF-16 code units; 120 of them are 240 units but 120 characters.
      expect(check({ name: "🌳".repeat(MAX_AREA_NAME_LENGTH) })).toEqual([]);
      expect(check({ name: "🌳".repeat(MAX_AREA_NAME_LENGTH + 1) })).toEqual([
        { field: "name", code: "too-long" },
      ]);
    });
  });

  describe("fields", () => {
    it("needs at least one alliance field", () => {
      expect(check({ fields: [] })).toEqual([{ field: "fields", code: "required" }]);
    });

    it("rejects a field that is not one of the alliance's five", () => {
      expect(check({ fields: ["energie", "sport" as AllianceField] })).toEqual([
        { field: "fields", code: "invalid" },
      ]);
    });
  });

  describe("colour", () => {
    it.each(["#0072b2", "#E69F00", "#000000"])("accepts %s", (colour) => {
      expect(check({ colour })).toEqual([]);
    });

    it.each(["", "0072b2", "#07b", "#0072b2ff", "#gggggg", "blue", " #0072b2"])("rejects %j", (colour) => {
      expect(check({ colour })).toEqual([{ field: "colour", code: "invalid" }]);
    });
  });

  it("reports every problem at once, in the order name, fields, colour", () => {
    expect(check({ name: " ", fields: [], colour: "red" })).toEqual([
      { field: "name", code: "required" },
      { field: "fields", code: "required" },
      { field: "colour", code: "invalid" },
    ]);
  });
});
