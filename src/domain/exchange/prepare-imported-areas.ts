/**
 * The areas of an imported file made ready to become pilot areas: each passes the same checks as a
 * drawn area ({@link prepareArea}; the repair is skipped for valid ones, since reading the file has
 * repaired them already), and the attributes of a Pilotkarte export are read back. Runs in the exchange
 * worker, so checking hundreds of large areas does not block the page. Points are not areas and are
 * left out.
 */

import { prepareArea } from "../geometry/prepare-area.ts";
import type { AreaAttributes, AreaGeometry } from "../model/plan.ts";
import type { ImportedFeature } from "./import-result.ts";
import { readExportedAttributes } from "./read-exported-attributes.ts";

export interface PreparedImportArea {
  /** Position of the feature in the file (0-based). */
  index: number;
  /** The name from the file, or null (the UI names it). */
  name: string | null;
  attributes: Partial<Omit<AreaAttributes, "colour" | "name">>;
  /** Normalised and checked. */
  geometry: AreaGeometry;
  outsideCity: boolean;
}

export interface RefusedImportArea {
  index: number;
  name: string | null;
  reason: "empty" | "too-small" | "invalid-geometry";
}

export function prepareImportedAreas(
  features: readonly ImportedFeature[],
  boundary: AreaGeometry | null,
  onProgress?: (done: number, total: number) => void,
): { areas: PreparedImportArea[]; refused: RefusedImportArea[] } {
  const candidates = features.filter(
    (f): f is ImportedFeature & { geometry: AreaGeometry } => f.geometry.type !== "Point",
  );
  const areas: PreparedImportArea[] = [];
  const refused: RefusedImportArea[] = [];
  candidates.forEach((feature, i) => {
    const prepared = prepareArea(feature.geometry, { boundary, skipRepairWhenValid: true });
    if (prepared.ok) {
      const { name: _fromExport, ...attributes } = readExportedAttributes(feature.properties);
      areas.push({
        index: feature.index,
        name: feature.name,
        attributes,
        geometry: prepared.geometry,
        outsideCity: prepared.warnings.length > 0,
      });
    } else refused.push({ index: feature.index, name: feature.name, reason: prepared.reason });
    onProgress?.(i + 1, candidates.length);
  });
  return { areas, refused };
}
