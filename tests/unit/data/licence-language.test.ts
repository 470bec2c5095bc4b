import { describe, expect, it } from "vitest";
import { LAYER_DEFINITIONS } from "../../../data/catalogue.ts";

describe("licence names are marked with their language", () => {
  it("marks English licence names as English (screen readers switch pronunciation), German ones not", () => {
    const english = /\b(License|Licence|Attribution|Database)\b/;
    for (const layer of LAYER_DEFINITIONS) {
      const { name, lang } = layer.licence;
      expect(lang ?? "de", `${layer.id}: ${name}`).toBe(english.test(name) ? "en" : "de");
    }
    expect(LAYER_DEFINITIONS.some((l) => l.licence.lang === "en")).toBe(true);
  });
});
