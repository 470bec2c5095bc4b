/**
 * Large areas are written in batches (about 20,000 vertices each) inside one transaction, so that
 * IndexedDB's copying is spread over several short tasks on the page: every area arrives, in order,
 * in more than one write, and a plan still loads exactly as it was saved.
 */
// Must come before anything that imports Dexie, which looks for IndexedDB when it loads.
import "fake-indexeddb/auto";
import type { Polygon, Position } from "geojson";
import { afterEach, describe, expect, it } from "vitest";
import { applyChangeSet, type Change, createArea } from "../../../src/domain/changes/index.ts";
import { asAreaId, asVariantId } from "../../../src/domain/model/ids.ts";
import { deleteFreshDatabases, freshRepository, putIds, recordWrites, standardPlan, T1 } from "./helpers.ts";

/** A closed ring of `n` vertices round (x, y). */
function circle(x: number, y: number, n: number): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const angle = (i / n) * 2 * Math.PI;
    ring.push([x + 0.005 * Math.cos(angle), y + 0.003 * Math.sin(angle)]);
  }
  ring.push(ring[0] as Position);
  return { type: "Polygon", coordinates: [ring] };
}

afterEach(deleteFreshDatabases);

describe("batched area writes", () => {
  it("60 areas of 1,000 vertices: all written, in several batches of at most ~20,000 vertices, and loaded back equal", async () => {
    const { db, repository } = freshRepository();
    // The recorder must be in place before the database opens.
    const all = recordWrites(db);
    const base = standardPlan();
    await repository.savePlanFull(base);
    const before = all.length;
    const log = () => all.slice(before);
    const variantId = asVariantId("v1");
    const changes: Change[] = Array.from({ length: 60 }, (_, i) => ({
      type: "area/put",
      variantId,
      area: createArea(
        {
          geometry: circle(7.4 + (i % 10) * 0.01, 51.45 + Math.floor(i / 10) * 0.01, 1000),
          origin: { kind: "imported", source: "big.geojson" },
          name: `Groß ${i + 1}`,
        },
        T1,
        asAreaId(`big-${i + 1}`),
      ),
    }));
    const next = applyChangeSet(base, { label: "import", changes }).plan;
    await repository.savePlanDiff(base, next);

    const areaWrites = log().filter((w) => w.table === "areas" && w.type === "put");
    expect(areaWrites.length).toBeGreaterThanOrEqual(3);
    for (const write of areaWrites) expect(write.values.length).toBeLessThanOrEqual(21);
    expect(putIds(log(), "areas")).toEqual(changes.map((_, i) => `big-${i + 1}`));
    expect(await repository.loadPlan(next.id)).toStrictEqual(next);

    // A full save of the same plan batches too, and loads back equal.
    const beforeFull = all.length;
    await repository.savePlanFull(next);
    expect(
      all.slice(beforeFull).filter((w) => w.table === "areas" && w.type === "put").length,
    ).toBeGreaterThanOrEqual(3);
    expect(await repository.loadPlan(next.id)).toStrictEqual(next);
  });
});
