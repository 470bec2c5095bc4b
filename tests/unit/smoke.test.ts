import { describe, expect, it } from "vitest";
import { CATALOGUE_FORMAT_VERSION } from "../../src/domain/model/catalogue.ts";

describe("catalogue model", () => {
  it("has a positive format version", () => {
    expect(CATALOGUE_FORMAT_VERSION).toBeGreaterThan(0);
  });
});
