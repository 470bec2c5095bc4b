/**
 * Makes a geometry ready to be stored as a pilot area: repaired (unless the caller knows it is valid),
 * normalised to RFC 7946 winding, and checked. Empty, tiny and invalid results are refused with the
 * reason; lying partly outside the city is a warning, not a refusal. Drawn, edited and imported areas
 * all pass through here, so an area is accepted by the same rules wherever it comes from (the exchange
 * worker runs it for imports, off the main thread).
 */
import type { AreaGeometry } from "../model/plan.ts";
import { checkArea } from "./check-area.ts";
import { MIN_AREA_M2 } from "./limits.ts";
import { normalizeAreaGeometry } from "./normalize-area-geometry.ts";
import { type RepairCode, repairAreaGeometry } from "./repair-area-geometry.ts";
import { isValidAreaGeometry } from "./validate-area-geometry.ts";

export type PreparedArea =
  | {
      ok: true;
      geometry: AreaGeometry;
      repairs: RepairCode[];
      warnings: { code: "outside-city"; shareOutside: number }[];
    }
  | { ok: false; reason: "empty" | "too-small" | "invalid-geometry"; areaM2?: number; minAreaM2: number };

export interface PrepareAreaOptions {
  /** City boundary for the "outside the city" warning; null until loaded. */
  boundary: AreaGeometry | null;
  /**
   * Skip the repair when the geometry is valid already (imports, which were repaired while read): the
   * repair would check each ring on its own first, on top of the check of the whole area.
   */
  skipRepairWhenValid?: boolean;
}

export function prepareArea(geometry: AreaGeometry, options: PrepareAreaOptions): PreparedArea {
  let repairs: RepairCode[] = [];
  let candidate: AreaGeometry | null = geometry;
  if (!(options.skipRepairWhenValid && isValidAreaGeometry(geometry))) {
    const repaired = repairAreaGeometry(geometry);
    candidate = repaired.geometry;
    repairs = repaired.repairs;
  }
  const normalized = candidate ? normalizeAreaGeometry(candidate) : null;
  if (!normalized) return { ok: false, reason: "empty", minAreaM2: MIN_AREA_M2 };
  const check = checkArea(normalized, {
    minAreaM2: MIN_AREA_M2,
    ...(options.boundary ? { boundary: options.boundary } : {}),
  });
  const blocking = check.problems.find((p) => p.code !== "outside-city");
  if (blocking) {
    return {
      ok: false,
      reason: blocking.code as "empty" | "too-small" | "invalid-geometry",
      areaM2: check.areaM2,
      minAreaM2: MIN_AREA_M2,
    };
  }
  const warnings = check.problems.filter((p) => p.code === "outside-city") as {
    code: "outside-city";
    shareOutside: number;
  }[];
  return { ok: true, geometry: normalized, repairs, warnings };
}
