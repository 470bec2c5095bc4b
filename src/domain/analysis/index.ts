/**
 * The analysis engine: coverage, residents reached, facilities inside and nearby, overlaps. Pure
 * TypeScript, meant to run in the analysis worker behind a typed facade and importable as is in tests.
 * Prepare the layers once with {@link prepareAnalysisContext}, then call {@link analyseArea} per pilot
 * area (on every edit) and {@link analyseVariant} per variant. The naive Turf reference for tests and
 * benchmarks, `naive-analysis.ts`, is deliberately not exported here, so that a worker importing this
 * module does not pull in Turf's intersect.
 */

export * from "../geometry/clip-frame.ts";
export * from "../geometry/clipper-operations.ts";
/** The app's one area measure (see `geometry/measure-area.ts`), under the names the analysis uses. */
export {
  authalicQ,
  flatRingAreaM2,
  geodesicArea as geometryAreaM2,
  pathsAreaM2,
  ringAreaM2,
} from "../geometry/measure-area.ts";
export * from "../geometry/paths-to-geometry.ts";
export * from "./address-points-format.ts";
export * from "./analyse-area.ts";
export * from "./analyse-variant.ts";
export * from "./analysis-result.ts";
export * from "./clip-to-convex.ts";
export * from "./count-facilities.ts";
export * from "./detect-nesting.ts";
export * from "./estimate-residents.ts";
export * from "./find-overlaps.ts";
export * from "./incremental-variant.ts";
export * from "./intersect-shapes.ts";
export * from "./intersection-area.ts";
export * from "./keyed-areas.ts";
export * from "./measure-coverage.ts";
export * from "./measure-geodesic.ts";
export * from "./points-in-area.ts";
export * from "./prepare-address-points.ts";
export * from "./prepare-analysis-context.ts";
export * from "./prepare-area.ts";
export * from "./prepare-point-layer.ts";
export * from "./prepare-population-grid.ts";
export * from "./prepare-reference-areas.ts";
export * from "./read-served-layers.ts";
export * from "./ring-index.ts";
export * from "./trim-to-box.ts";
export * from "./union-tiles.ts";
export * from "./variant-parts.ts";
