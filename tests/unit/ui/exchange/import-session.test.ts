/**
 * The import dialog's session (src/ui/exchange/import-session.ts) without a browser: every state's
 * transitions, late answers ignored, and every other event out of place thrown.
 */
import { describe, expect, it } from "vitest";
import type { ImportProblem } from "../../../../src/domain/exchange/index.ts";
import {
  areasRefusal,
  canChooseFile,
  canClose,
  IllegalImportTransition,
  type ImportEvent,
  type ImportSession,
  importSessionReducer,
  isBusy,
  MAX_AREAS_AS_PILOT_AREAS,
  type ReadPreview,
  startImportSession,
} from "../../../../src/ui/exchange/import-session.ts";
import type { ImportPreviewResult } from "../../../../src/ui/exchange-client.ts";

const file = Object.freeze({ name: "gebiete.geojson" });
const other = Object.freeze({ name: "andere.kml" });

/** A preview as the worker sends it; only the counts matter to the session. */
function preview(areaCount: number, pointCount = 0): ReadPreview {
  return Object.freeze({
    ok: true,
    token: 7,
    kind: pointCount > 0 && areaCount === 0 ? "points" : "areas",
    report: { format: "geojson", sourceCrs: "EPSG:4326", featureCount: areaCount + pointCount },
    repairedCount: 0,
    droppedCount: 0,
    rows: [],
    rowCount: areaCount + pointCount,
    areaCount,
    pointCount,
    bbox: null,
    attributeIssues: [],
    attributeIssueCount: 0,
    attributesFound: { fields: 0, status: 0, partners: 0, notes: 0 },
    axesLookSwapped: false,
  }) as unknown as ReadPreview;
}

const problem = (value: ImportProblem): ImportPreviewResult => ({ ok: false, problem: value });

/** Applies events in order, freezing each session on the way so that a mutation would throw. */
function run(events: ImportEvent[], from: ImportSession = startImportSession()): ImportSession {
  return events.reduce((session, event) => importSessionReducer(Object.freeze(session), event), from);
}

const reading = () => run([{ type: "choose", file }]);
const previewing = (areas = 3, readOnly = false) =>
  run([
    { type: "choose", file },
    { type: "read", run: 1, result: preview(areas), readOnly },
  ]);

describe("import session", () => {
  describe("choosing", () => {
    it("starts with choosing a file, neither busy nor blocking a close", () => {
      const session = startImportSession();
      expect(session).toEqual({ state: "choosing", run: 0 });
      expect(isBusy(session)).toBe(false);
      expect(canChooseFile(session)).toBe(true);
      expect(canClose(session)).toBe(true);
    });

    it("reads a chosen file as a new run, from the start", () => {
      expect(reading()).toEqual({
        state: "reading",
        run: 1,
        file,
        how: {},
        fraction: 0,
        phase: "reading",
      });
    });

    it("throws on a confirmation before anything was read", () => {
      expect(() => run([{ type: "import" }])).toThrow(IllegalImportTransition);
      expect(() => run([{ type: "import" }])).toThrow('"import" is not possible while choosing');
    });
  });

  describe("reading", () => {
    it("is busy: no other file, but it can be closed", () => {
      expect(isBusy(reading())).toBe(true);
      expect(canChooseFile(reading())).toBe(false);
      expect(canClose(reading())).toBe(true);
    });

    it("follows the worker's progress", () => {
      const session = run([{ type: "read-progress", run: 1, fraction: 0.4, phase: "parsing" }], reading());
      expect(session).toMatchObject({ state: "reading", fraction: 0.4, phase: "parsing" });
    });

    it("throws on a second file while one is read (the dialog refuses it first)", () => {
      expect(() => run([{ type: "choose", file: other }], reading())).toThrow(IllegalImportTransition);
    });

    it("shows the preview with the areas offered as pilot areas when there are some and few enough", () => {
      expect(previewing(3)).toMatchObject({ state: "preview", run: 1, file, target: "areas" });
      expect(previewing(MAX_AREAS_AS_PILOT_AREAS)).toMatchObject({ target: "areas" });
    });

    it("offers a layer instead when there are no areas, too many, or the plan is read-only here", () => {
      expect(previewing(0)).toMatchObject({ state: "preview", target: "overlay" });
      expect(previewing(MAX_AREAS_AS_PILOT_AREAS + 1)).toMatchObject({ target: "overlay" });
      expect(previewing(3, true)).toMatchObject({ target: "overlay" });
    });

    it("asks for the coordinate system when the file does not say, suggesting what the coordinates suggest", () => {
      const asked = run(
        [
          {
            type: "read",
            run: 1,
            result: problem({ code: "needs-crs", format: "csv", suggestion: "EPSG:4326" }),
            readOnly: false,
          },
        ],
        reading(),
      );
      expect(asked).toEqual({
        state: "asking-crs",
        run: 1,
        file,
        how: {},
        suggestion: "EPSG:4326",
        crs: "EPSG:4326",
      });
      const unsure = run(
        [
          {
            type: "read",
            run: 1,
            result: problem({ code: "needs-crs", format: "csv", suggestion: null }),
            readOnly: false,
          },
        ],
        reading(),
      );
      expect(unsure).toMatchObject({ state: "asking-crs", suggestion: null, crs: "EPSG:25832" });
    });

    it("fails with the reader's problem, or with the error of a read that broke", () => {
      const tooMany = problem({ code: "too-many-features", count: 20_000, maxFeatures: 10_000 });
      expect(run([{ type: "read", run: 1, result: tooMany, readOnly: false }], reading())).toEqual({
        state: "failed",
        run: 1,
        fileName: file.name,
        problem: { code: "too-many-features", count: 20_000, maxFeatures: 10_000 },
      });
      expect(run([{ type: "read-failed", run: 1, error: new Error("worker died") }], reading())).toEqual({
        state: "failed",
        run: 1,
        fileName: file.name,
        problem: null,
        detail: "worker died",
      });
    });

    it("ignores the answer and progress of a read abandoned by closing the dialog", () => {
      const closed = run([{ type: "reset" }], reading());
      expect(closed).toEqual({ state: "choosing", run: 2 });
      const late: ImportEvent[] = [
        { type: "read-progress", run: 1, fraction: 0.9, phase: "parsing" },
        { type: "read", run: 1, result: preview(3), readOnly: false },
        { type: "read-failed", run: 1, error: new Error("late") },
      ];
      expect(run(late, closed)).toBe(closed);
    });

    it("ignores the answer to an earlier read while a newer file is read", () => {
      const newer = run([{ type: "reset" }, { type: "choose", file: other }], reading());
      expect(newer).toMatchObject({ state: "reading", run: 3, file: other });
      expect(run([{ type: "read", run: 1, result: preview(3), readOnly: false }], newer)).toBe(newer);
    });

    it("ignores progress that arrives after the answer it belongs to", () => {
      const shown = previewing();
      expect(run([{ type: "read-progress", run: 1, fraction: 1, phase: "checking" }], shown)).toBe(shown);
    });

    it("throws on a second answer to the same read", () => {
      expect(() =>
        run([{ type: "read", run: 1, result: preview(3), readOnly: false }], previewing()),
      ).toThrow('"read" is not possible while preview');
    });
  });

  describe("asking the coordinate system", () => {
    const asked = () =>
      run(
        [
          {
            type: "read",
            run: 1,
            result: problem({ code: "needs-crs", format: "shapefile", suggestion: null }),
            readOnly: false,
          },
        ],
        reading(),
      );

    it("reads the same file again with the system picked, as a new run", () => {
      const session = run([{ type: "pick-crs", crs: "EPSG:4326" }, { type: "apply-crs" }], asked());
      expect(session).toMatchObject({ state: "reading", run: 2, file, how: { assumeCrs: "EPSG:4326" } });
    });

    it("lets the planner choose another file or start again instead", () => {
      expect(run([{ type: "choose", file: other }], asked())).toMatchObject({
        state: "reading",
        file: other,
        how: {},
      });
      expect(run([{ type: "reset" }], asked())).toEqual({ state: "choosing", run: 2 });
    });

    it("throws on a confirmation (there is nothing to confirm yet)", () => {
      expect(() => run([{ type: "import" }], asked())).toThrow(IllegalImportTransition);
    });
  });

  describe("preview", () => {
    it("lets the planner pick the target", () => {
      expect(run([{ type: "pick-target", target: "overlay" }], previewing())).toMatchObject({
        target: "overlay",
      });
    });

    it("reads the file again with the axes swapped, and back, keeping the coordinate system chosen", () => {
      const swapped = run([{ type: "swap-axes" }], {
        ...(previewing() as Extract<ImportSession, { state: "preview" }>),
        how: { assumeCrs: "EPSG:25832" },
      });
      expect(swapped).toMatchObject({
        state: "reading",
        run: 2,
        how: { assumeCrs: "EPSG:25832", swapAxes: true },
      });
      const back = run(
        [{ type: "read", run: 2, result: preview(3), readOnly: false }, { type: "swap-axes" }],
        swapped,
      );
      expect(back).toMatchObject({
        state: "reading",
        run: 3,
        how: { assumeCrs: "EPSG:25832", swapAxes: false },
      });
    });

    it("starts importing on confirmation, keeping the target and without progress yet", () => {
      const session = run([{ type: "pick-target", target: "overlay" }, { type: "import" }], previewing());
      expect(session).toMatchObject({ state: "importing", target: "overlay", progress: null, file });
    });
  });

  describe("importing", () => {
    const importing = () => run([{ type: "import" }], previewing());

    it("is busy and cannot be closed or abandoned", () => {
      expect(isBusy(importing())).toBe(true);
      expect(canClose(importing())).toBe(false);
      expect(canChooseFile(importing())).toBe(false);
      expect(() => run([{ type: "reset" }], importing())).toThrow('"reset" is not possible while importing');
    });

    it("follows the progress and ends done", () => {
      const session = run([{ type: "import-progress", fraction: 0.5, phase: "areas" }], importing());
      expect(session).toMatchObject({ progress: { fraction: 0.5, phase: "areas" } });
      const done = run([{ type: "imported" }], session);
      expect(done).toEqual({ state: "done", run: 1 });
      expect(canChooseFile(done)).toBe(false);
      expect(run([{ type: "import-progress", fraction: 1, phase: "areas" }], done)).toBe(done);
      expect(run([{ type: "reset" }], done)).toEqual({ state: "choosing", run: 2 });
    });

    it("fails with the error and the file's name when taking over breaks", () => {
      expect(run([{ type: "import-failed", error: "no longer available" }], importing())).toEqual({
        state: "failed",
        run: 1,
        fileName: file.name,
        problem: null,
        detail: "no longer available",
      });
    });

    it("throws on a second confirmation or another target", () => {
      expect(() => run([{ type: "import" }], importing())).toThrow(IllegalImportTransition);
      expect(() => run([{ type: "pick-target", target: "areas" }], importing())).toThrow(
        IllegalImportTransition,
      );
    });
  });

  describe("failed", () => {
    const failed = () => run([{ type: "read-failed", run: 1, error: new Error("x") }], reading());

    it("offers another file or the start again", () => {
      expect(canChooseFile(failed())).toBe(true);
      expect(run([{ type: "choose", file: other }], failed())).toMatchObject({ state: "reading", run: 2 });
      expect(run([{ type: "reset" }], failed())).toEqual({ state: "choosing", run: 2 });
    });

    it("throws on events that need a file read", () => {
      expect(() => run([{ type: "swap-axes" }], failed())).toThrow(IllegalImportTransition);
      expect(() => run([{ type: "apply-crs" }], failed())).toThrow(IllegalImportTransition);
    });
  });

  describe("areasRefusal", () => {
    it("says why a preview's areas cannot become pilot areas", () => {
      expect(areasRefusal({ areaCount: 0 }, false)).toBe("no-areas");
      expect(areasRefusal({ areaCount: MAX_AREAS_AS_PILOT_AREAS + 1 }, false)).toBe("too-many");
      expect(areasRefusal({ areaCount: 1 }, true)).toBe("read-only");
      expect(areasRefusal({ areaCount: 1 }, false)).toBeNull();
    });
  });
});
