/**
 * Zip bombs: a gigabyte of zeros in a few megabytes must be refused quickly and without allocating the
 * gigabyte, whether the archive declares its true size or lies about it.
 */
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { MAX_UNZIPPED_BYTES, parseImport } from "../../../src/domain/exchange/index.ts";
import { readZip } from "../../../src/domain/exchange/read-zip.ts";
import { deflatedZeros, zipOfDeflated } from "../../fixtures/exchange/zip-bomb.ts";

const GIB = 1024 * 1024 * 1024;
const bomb = deflatedZeros(GIB);

describe("zip guard", () => {
  it("has a bomb that really inflates to a gigabyte from a few megabytes", () => {
    expect(bomb.size).toBeGreaterThanOrEqual(GIB);
    expect(bomb.data.length).toBeLessThan(8 * 1024 * 1024);
  });

  it("refuses a bomb that declares its size, before inflating anything", async () => {
    const zip = zipOfDeflated("gebiete.shp", bomb.data, bomb.size);
    const started = performance.now();
    const result = await parseImport(zip, "bombe.zip");
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result).toEqual({
      ok: false,
      problem: { code: "zip-bomb", declaredBytes: bomb.size, maxBytes: MAX_UNZIPPED_BYTES },
    });
  });

  it("refuses a bomb that lies about its size as soon as it inflates past the declared size", async () => {
    const zip = zipOfDeflated("doc.kml", bomb.data, 1000);
    const heapBefore = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    const result = await parseImport(zip, "bombe.kmz");
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe("zip-bomb");
    // Far less than the gigabyte (a few MB of inflate steps at most).
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it("stops at the total budget even when every entry is honest", () => {
    const zip = zipSync({ "a.shp": new Uint8Array(600), "a.dbf": new Uint8Array(600) });
    expect(() => readZip(zip, () => true, { maxBytes: 1000, maxEntries: 10 })).toThrow("zip-bomb");
    expect(readZip(zip, () => true, { maxBytes: 1200, maxEntries: 10 }).get("a.dbf")?.length).toBe(600);
  });

  it("refuses a zip with more entries than allowed", () => {
    const files = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`f${i}.txt`, new Uint8Array(1)]));
    expect(() => readZip(zipSync(files), () => true, { maxBytes: 1e6, maxEntries: 4 })).toThrow(
      "invalid-zip",
    );
  });
});
