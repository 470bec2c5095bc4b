import { Clipper, FillRule, type Paths64 } from "clipper2-ts";
import { describe, expect, it } from "vitest";
import { createClipFrame, createClipShape, trimToBox } from "../../../../src/domain/analysis/index.ts";
import { seededRandom, syntheticDistricts } from "../../../fixtures/analysis/synthetic-dortmund.ts";

const frame = createClipFrame(7.47, 51.51);
const districts = syntheticDistricts({
  count: 12,
  columns: 4,
  rows: 3,
  totalKm2: 40,
  verticesPerEdge: 60,
  seed: 3,
}).map((d) => createClipShape(frame, d.geometry));

function boxPath(box: [number, number, number, number]): Paths64 {
  return [
    [
      { x: box[0], y: box[1] },
      { x: box[2], y: box[1] },
      { x: box[2], y: box[3] },
      { x: box[0], y: box[3] },
    ],
  ];
}

describe("trimToBox", () => {
  it("leaves the part inside the box exactly as it was, on 600 random boxes", () => {
    const random = seededRandom(11);
    for (let k = 0; k < 600; k++) {
      const shape = districts[k % districts.length];
      const [x0, y0, x1, y1] = shape?.bounds ?? [0, 0, 0, 0];
      const xs = [x0 + (x1 - x0) * (1.4 * random() - 0.2), x0 + (x1 - x0) * (1.4 * random() - 0.2)].map(
        Math.round,
      );
      const ys = [y0 + (y1 - y0) * (1.4 * random() - 0.2), y0 + (y1 - y0) * (1.4 * random() - 0.2)].map(
        Math.round,
      );
      const box: [number, number, number, number] = [
        Math.min(...(xs as [number, number])),
        Math.min(...(ys as [number, number])),
        Math.max(...(xs as [number, number])) + 1,
        Math.max(...(ys as [number, number])) + 1,
      ];
      const { paths } = trimToBox(shape?.paths ?? [], box);
      const before = Clipper.areaPaths(Clipper.intersect(shape?.paths ?? [], boxPath(box), FillRule.NonZero));
      const after = Clipper.areaPaths(Clipper.intersect(paths, boxPath(box), FillRule.NonZero));
      expect(Math.abs(after - before)).toBeLessThanOrEqual(1e-9 * Math.max(1, before));
    }
  });

  it("keeps every vertex inside the box and only drops, never moves, the others", () => {
    const shape = districts[5];
    const [x0, y0, x1, y1] = shape?.bounds ?? [0, 0, 0, 0];
    const box: [number, number, number, number] = [
      Math.round((x0 + x1) / 2 - (x1 - x0) / 8),
      Math.round((y0 + y1) / 2 - (y1 - y0) / 8),
      Math.round((x0 + x1) / 2 + (x1 - x0) / 8),
      Math.round((y0 + y1) / 2 + (y1 - y0) / 8),
    ];
    const original = shape?.paths[0] ?? [];
    const kept = trimToBox(shape?.paths ?? [], box).paths[0] ?? [];
    const key = (p: { x: number; y: number }) => `${p.x},${p.y}`;
    const originalKeys = new Set(original.map(key));
    expect(kept.every((p) => originalKeys.has(key(p)))).toBe(true);
    const inside = original.filter((p) => p.x >= box[0] && p.x <= box[2] && p.y >= box[1] && p.y <= box[3]);
    const keptKeys = new Set(kept.map(key));
    expect(inside.every((p) => keptKeys.has(key(p)))).toBe(true);
    expect(kept.length).toBeLessThan(original.length / 2);
  });

  it("drops a ring wholly beyond one side and says when no edge comes near the box", () => {
    const ring = boxPath([0, 0, 10, 10]);
    expect(trimToBox(ring, [20, 0, 30, 10])).toEqual({ paths: [], meetsBox: false });
    const around = trimToBox(boxPath([0, 0, 100, 100]), [40, 40, 60, 60]);
    expect(around.meetsBox).toBe(false);
    expect(around.paths).toHaveLength(1);
    expect(trimToBox(ring, [5, 5, 20, 20]).meetsBox).toBe(true);
  });
});
