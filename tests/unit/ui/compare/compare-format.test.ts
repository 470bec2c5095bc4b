import { describe, expect, it } from "vitest";
import {
  formatDelta,
  formatIndicatorValue,
  formatRelativeDelta,
} from "../../../../src/ui/compare/compare-format.ts";

describe("formatIndicatorValue", () => {
  it("writes areas in hectares, German format", () => {
    expect(formatIndicatorValue(1_234_567, "m2", "de")).toBe("123,5\u00a0ha");
    expect(formatIndicatorValue(45_000, "m2", "de")).toBe("4,50\u00a0ha");
    expect(formatIndicatorValue(1_234_567, "m2", "en")).toBe("123.5\u00a0ha");
  });
  it("rounds residents to tens and writes counts as they are", () => {
    expect(formatIndicatorValue(12_344, "residents", "de")).toBe("12.340");
    expect(formatIndicatorValue(7, "count", "de")).toBe("7");
  });
});

describe("formatDelta", () => {
  it("always carries a sign", () => {
    expect(formatDelta(250_000, "m2", "de")).toBe("+25,0\u00a0ha");
    expect(formatDelta(-3, "count", "de")).toBe("\u22123");
    expect(formatDelta(0, "count", "de")).toBe("±0");
  });
  it("writes a difference the rounding hides as ±0", () => {
    expect(formatDelta(4, "residents", "de")).toBe("±0");
    expect(formatDelta(20, "residents", "de")).toBe("+20");
  });
});

describe("formatRelativeDelta", () => {
  it("writes a signed percentage with a decimal below 10 %", () => {
    expect(formatRelativeDelta(0.12, "de")).toBe("+12\u00a0%");
    expect(formatRelativeDelta(-0.035, "de")).toBe("\u22123,5\u00a0%");
    expect(formatRelativeDelta(0, "en")).toBe("±0\u00a0%");
  });
});
