import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runDataStep } from "../../../../data/build-data.ts";
import type { LayerDefinition } from "../../../../data/catalogue.ts";
import { ADDRESS_POINTS_ENCODING, decodeAddressPoints } from "../../../../src/domain/analysis/index.ts";
import { definition, MINI_DATA_DIR } from "../../data/helpers.ts";

const exactly = (n: number) => ({ expectedCount: { min: n, max: n } });
const withAddresses = (): LayerDefinition[] => [
  definition("city-boundary", exactly(2)),
  definition("addresses", exactly(8)),
];

let work: string;
let dataDir: string;
let outDir: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "pilotkarte-address-points-"));
  dataDir = join(work, "dortmund");
  outDir = join(work, "generated");
  await cp(MINI_DATA_DIR, dataDir, { recursive: true });
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("data step: address points for the analysis", () => {
  it("writes addresses.bin and registers it in the catalogue's summary", async () => {
    const { catalogue } = await runDataStep({ dataDir, outDir, definitions: withAddresses() });
    const summary = catalogue.summary.addressPoints;
    expect(summary).toMatchObject({
      url: "generated/addresses.bin",
      encoding: ADDRESS_POINTS_ENCODING,
      count: 8,
      byteLength: 8 * 18,
      districtLevel: "unterbezirk",
      dataYear: 2024,
    });
    const bytes = await readFile(join(outDir, "addresses.bin"));
    const points = decodeAddressPoints(bytes, summary?.count ?? 0, summary?.districtCodes ?? []);
    const csv = (await readFile(join(dataDir, "addresses/dortmund_adressen_ubz.csv"), "utf8"))
      .trim()
      .split("\n")
      .slice(1);
    const expected = csv.flatMap((line) => {
      const cells = line.split(",");
      return [Number(cells[6]), Number(cells[7])];
    });
    expect([...points.positions]).toEqual(expected);
    const codes = [...points.districtIndex].map((i) => points.districtCodes[i]);
    expect(codes).toEqual(csv.map((line) => line.split(",")[8]));
  });

  it("reuses the output, address points included, when nothing changed", async () => {
    const first = await runDataStep({ dataDir, outDir, definitions: withAddresses() });
    const second = await runDataStep({ dataDir, outDir, definitions: withAddresses() });
    expect(second.skipped).toBe(true);
    expect(second.catalogue.summary.addressPoints).toEqual(first.catalogue.summary.addressPoints);
  });

  it("leaves the entry out without an address layer", async () => {
    const { catalogue } = await runDataStep({
      dataDir,
      outDir,
      definitions: [definition("city-boundary", exactly(2))],
    });
    expect(catalogue.summary.addressPoints).toBeUndefined();
  });
});
