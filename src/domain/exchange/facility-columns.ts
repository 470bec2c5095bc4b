/**
 * The columns of the facility layers, which depend on what the analyses counted: per layer the count
 * inside the area and the counts within each walking distance. Keys and Shapefile names are a file
 * format partners rely on: DO NOT RENAME.
 */
import { BASE_COLUMNS } from "./base-columns.ts";
import { CENSUS_COLUMNS } from "./census-columns.ts";
import { type ColumnSource, type ExportColumn, text } from "./export-column.ts";
import type { ExportInput } from "./export-input.ts";

/** Column key of a facility layer: "fac_" and the layer id with "-" as "_" (e.g. fac_transit_stops). */
export function facilityKey(layerId: string): string {
  return `fac_${layerId.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`;
}

/** Column key of a layer's facilities within a distance: e.g. fac_transit_stops_300m. */
export function facilityNearKey(layerId: string, distanceM: number): string {
  return `${facilityKey(layerId)}_${distanceM}m`;
}

/**
 * The facility layers of an export, in the order the first analysis lists them, then any others the
 * later analyses add.
 */
export function facilityLayerIds(input: Pick<ExportInput, "areas">): string[] {
  const ids: string[] = [];
  for (const { analysis } of input.areas) {
    for (const facility of analysis?.facilities ?? []) {
      if (!ids.includes(facility.layerId)) ids.push(facility.layerId);
    }
  }
  return ids;
}

/** The walking distances of the analyses ("within 300 m"), in the order first seen. */
export function facilityDistances(input: Pick<ExportInput, "areas">): number[] {
  const distances: number[] = [];
  for (const { analysis } of input.areas) {
    for (const facility of analysis?.facilities ?? []) {
      for (const near of facility.near)
        if (!distances.includes(near.distanceM)) distances.push(near.distanceM);
    }
  }
  return distances;
}

/**
 * A Shapefile name: `prefix` and the first letters and digits of the layer id up to 10 characters
 * (f_transits for transit-stops); where it is taken, the end is replaced by a digit.
 */
function uniqueShapefileName(prefix: string, layerId: string, taken: Set<string>): string {
  const stem = `${prefix}${layerId.toLowerCase().replace(/[^a-z0-9]/g, "")}`.slice(0, 10);
  let name = stem;
  for (let n = 2; taken.has(name); n++) name = `${stem.slice(0, 10 - String(n).length)}${n}`;
  taken.add(name);
  return name;
}

/**
 * All columns of an export: the base columns, then per facility layer the count inside and the counts
 * within each walking distance of the analyses. Shapefile names: "f_" (inside) and "n_" (within the
 * first distance; "n<k>_" for a k-th) with the layer id's first letters and digits.
 */
export function exportColumns(input: Pick<ExportInput, "areas" | "layers">): ExportColumn[] {
  const layerIds = facilityLayerIds(input);
  const distances = facilityDistances(input);
  const columns = [...BASE_COLUMNS, ...CENSUS_COLUMNS];
  const taken = new Set(columns.map((c) => c.shapefileName));
  for (const id of layerIds) {
    const title = input.layers?.find((l) => l.id === id)?.title ?? text(id, id);
    const source: ColumnSource = { kind: "facilities", layerId: id };
    const unit = text("Anzahl", "count");
    columns.push({
      key: facilityKey(id),
      shapefileName: uniqueShapefileName("f_", id, taken),
      type: "integer",
      label: text(`${title.de}: im Gebiet`, `${title.en}: inside`),
      meaning: text(
        `Anzahl der Einrichtungen der Ebene „${title.de}“ im Gebiet`,
        `number of facilities of the layer "${title.en}" inside the area`,
      ),
      unit,
      source,
    });
    distances.forEach((distanceM, k) => {
      columns.push({
        key: facilityNearKey(id, distanceM),
        shapefileName: uniqueShapefileName(k === 0 ? "n_" : `n${k + 1}_`, id, taken),
        type: "integer",
        label: text(`${title.de}: bis ${distanceM} m`, `${title.en}: within ${distanceM} m`),
        meaning: text(
          `Anzahl der Einrichtungen der Ebene „${title.de}“ im Gebiet und bis ${distanceM} m Luftlinie von seinem Rand (geodätisch; die im Gebiet zählen mit)`,
          `number of facilities of the layer "${title.en}" inside the area or within ${distanceM} m of its edge as the crow flies (geodesic; those inside are included)`,
        ),
        unit,
        source,
      });
    });
  }
  return columns;
}
