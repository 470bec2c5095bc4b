/**
 * Commands on pilot areas, as the UI and the map call them. Each builds one change set (one undo step)
 * after cleaning the geometry: repaired, normalised to RFC 7946 winding, and refused when empty or
 * smaller than the minimum area. Returns what happened so the caller can tell the planner.
 */
import type { ChangeSet } from "../domain/changes/change-set.ts";
import {
  clipToBoundary,
  MIN_AREA_M2,
  type PreparedArea,
  prepareArea,
  subtractArea,
  unionAreas,
} from "../domain/geometry/index.ts";
import { newAreaId } from "../domain/model/ids.ts";
import {
  AREA_COLOURS,
  type AreaAttributes,
  type AreaGeometry,
  type AreaId,
  type AreaOrigin,
  type PilotArea,
} from "../domain/model/plan.ts";
import { type DocumentState, selectActiveVariant } from "./document-store.ts";
import { useSessionStore } from "./session-store.ts";

/** What a command did: the area's id with the repairs and warnings of {@link prepareArea}, or its refusal. */
export type CommandResult =
  | (Omit<Extract<PreparedArea, { ok: true }>, "geometry"> & { areaId: AreaId })
  | Extract<PreparedArea, { ok: false }>;

interface Context {
  getState: () => DocumentState;
  /** City boundary for the "outside the city" warning and clipping; null until loaded. */
  boundary: AreaGeometry | null;
  now?: () => string;
}

const nowIso = () => new Date().toISOString();

/** Cleans a geometry for storage (see {@link prepareArea}); refuses empty and tiny results. */
const clean = (geometry: AreaGeometry, boundary: AreaGeometry | null) => prepareArea(geometry, { boundary });

/** The next free default name: "Gebiet 1", "Gebiet 2", … (the UI may rename). */
function nextName(state: DocumentState, prefix: string): string {
  const names = new Set(Object.values(selectActiveVariant(state).areas).map((a) => a.name));
  for (let i = 1; ; i++) if (!names.has(`${prefix} ${i}`)) return `${prefix} ${i}`;
}

export function createArea(
  context: Context,
  geometry: AreaGeometry,
  origin: AreaOrigin,
  options: { namePrefix: string; label: string },
): CommandResult & { changeSet?: ChangeSet } {
  const cleaned = clean(geometry, context.boundary);
  if (!cleaned.ok) return cleaned;
  const state = context.getState();
  const variant = selectActiveVariant(state);
  const now = (context.now ?? nowIso)();
  const area: PilotArea = {
    id: newAreaId(),
    name: nextName(state, options.namePrefix),
    fields: [],
    partners: [],
    status: "idee",
    notes: "",
    colour: AREA_COLOURS[variant.areaOrder.length % AREA_COLOURS.length] ?? "#0072b2",
    createdAt: now,
    updatedAt: now,
    geometry: cleaned.geometry,
    origin,
  };
  const changeSet: ChangeSet = {
    label: options.label,
    changes: [{ type: "area/put", variantId: variant.id, area }],
  };
  state.transact(changeSet);
  return { ok: true, areaId: area.id, repairs: cleaned.repairs, warnings: cleaned.warnings, changeSet };
}

export function setAreaGeometry(
  context: Context,
  areaId: AreaId,
  geometry: AreaGeometry,
  label: string,
  origin?: AreaOrigin,
): CommandResult {
  const cleaned = clean(geometry, context.boundary);
  if (!cleaned.ok) return cleaned;
  const state = context.getState();
  const variant = selectActiveVariant(state);
  if (!variant.areas[areaId]) throw new Error(`unknown area ${areaId}`);
  state.transact({
    label,
    changes: [
      {
        type: "area/patch",
        variantId: variant.id,
        areaId,
        patch: {
          geometry: cleaned.geometry,
          updatedAt: (context.now ?? nowIso)(),
          ...(origin ? { origin } : {}),
        },
      },
    ],
  });
  return { ok: true, areaId, repairs: cleaned.repairs, warnings: cleaned.warnings };
}

export function updateAreaAttributes(
  context: Context,
  areaId: AreaId,
  attributes: Partial<AreaAttributes>,
  label: string,
): void {
  const state = context.getState();
  const variant = selectActiveVariant(state);
  if (!variant.areas[areaId]) throw new Error(`unknown area ${areaId}`);
  state.transact({
    label,
    changes: [
      {
        type: "area/patch",
        variantId: variant.id,
        areaId,
        patch: { ...attributes, updatedAt: (context.now ?? nowIso)() },
      },
    ],
  });
}

export function deleteAreas(context: Context, areaIds: AreaId[], label: string): void {
  const state = context.getState();
  const variant = selectActiveVariant(state);
  state.transact({
    label,
    changes: areaIds
      .filter((id) => variant.areas[id])
      .map((areaId) => ({ type: "area/delete" as const, variantId: variant.id, areaId })),
  });
}

export function duplicateArea(
  context: Context,
  areaId: AreaId,
  copySuffix: string,
  label: string,
): AreaId | null {
  const state = context.getState();
  const variant = selectActiveVariant(state);
  const source = variant.areas[areaId];
  if (!source) return null;
  const now = (context.now ?? nowIso)();
  const index = variant.areaOrder.indexOf(areaId) + 1;
  const copy: PilotArea = {
    ...structuredClone(source),
    id: newAreaId(),
    name: `${source.name} ${copySuffix}`,
    createdAt: now,
    updatedAt: now,
  };
  state.transact({ label, changes: [{ type: "area/put", variantId: variant.id, area: copy, index }] });
  return copy.id;
}

/** Union of district geometries; the districts of one level share borders exactly. */
export function geometryFromDistricts(districts: AreaGeometry[]): AreaGeometry | null {
  return unionAreas(districts);
}

/** Adds (union) or removes (difference) district geometries to/from an area. */
export function changeAreaByDistricts(
  context: Context,
  areaId: AreaId,
  districts: AreaGeometry[],
  mode: "add" | "remove",
  label: string,
): CommandResult {
  const area = selectActiveVariant(context.getState()).areas[areaId];
  if (!area) throw new Error(`unknown area ${areaId}`);
  const merged = unionAreas(districts);
  if (!merged) return { ok: false, reason: "empty", minAreaM2: MIN_AREA_M2 };
  const geometry = mode === "add" ? unionAreas([area.geometry, merged]) : subtractArea(area.geometry, merged);
  if (!geometry) return { ok: false, reason: "empty", minAreaM2: MIN_AREA_M2 };
  return setAreaGeometry(context, areaId, geometry, label, {
    kind: "derived",
    operation: `districts-${mode}`,
  });
}

export function clipAreaToCity(context: Context, areaId: AreaId, label: string): CommandResult {
  const area = selectActiveVariant(context.getState()).areas[areaId];
  if (!area) throw new Error(`unknown area ${areaId}`);
  if (!context.boundary) return { ok: false, reason: "empty", minAreaM2: MIN_AREA_M2 };
  const clipped = clipToBoundary(area.geometry, context.boundary);
  if (!clipped) return { ok: false, reason: "empty", minAreaM2: MIN_AREA_M2 };
  return setAreaGeometry(context, areaId, clipped, label, { kind: "derived", operation: "clip-to-city" });
}

export function subtractOtherArea(
  context: Context,
  areaId: AreaId,
  otherId: AreaId,
  label: string,
): CommandResult {
  const variant = selectActiveVariant(context.getState());
  const area = variant.areas[areaId];
  const other = variant.areas[otherId];
  if (!area || !other) throw new Error(`unknown area ${areaId} or ${otherId}`);
  const rest = subtractArea(area.geometry, other.geometry);
  if (!rest) return { ok: false, reason: "empty", minAreaM2: MIN_AREA_M2 };
  return setAreaGeometry(context, areaId, rest, label, { kind: "derived", operation: "subtract" });
}

/** Tells the planner what a command did: a refusal (with the area and the minimum), repairs, warnings. */
export function reportResult(result: CommandResult) {
  const { notify } = useSessionStore.getState();
  if (!result.ok) {
    notify({
      kind: "error",
      key: `draw.refused.${result.reason}`,
      values: { area: Math.round(result.areaM2 ?? 0), min: result.minAreaM2 },
    });
    return;
  }
  // A clockwise ring turned round is no news to the planner; every other repair is said.
  for (const repair of result.repairs)
    if (repair !== "winding-fixed") notify({ kind: "info", key: `draw.repaired.${repair}` });
  for (const warning of result.warnings) {
    notify({
      kind: "warning",
      key: "draw.outsideCity",
      values: { share: Math.round(warning.shareOutside * 100) },
    });
  }
}

/** One area read from a partner's file, ready to be added (the caller names unnamed ones). */
export interface AreaToImport {
  name: string;
  geometry: AreaGeometry;
  /** Attributes read back from a Pilotkarte export (fields, partners, status, notes), when present. */
  attributes?: Partial<Omit<AreaAttributes, "colour">>;
  /**
   * Set when the geometry has passed {@link prepareArea} already (the exchange worker does this off the
   * main thread): it is stored as it is, and `outsideCity` says whether it lies partly outside.
   */
  prepared?: { outsideCity: boolean };
}

export interface ImportAreasResult {
  areaIds: AreaId[];
  /** Areas refused by the same checks as drawn ones (position in the input and why). */
  refused: { index: number; reason: "empty" | "too-small" | "invalid-geometry" }[];
  /** How many of the added areas lie partly outside the city. */
  outsideCity: number;
}

/**
 * Adds imported areas to the active variant as ONE change set (one undo step), each cleaned like a
 * drawn area; the origin records the file. Nothing changes when no area passes.
 */
export function importAreas(
  context: Context,
  items: readonly AreaToImport[],
  source: string,
  label: string,
): ImportAreasResult {
  const state = context.getState();
  const variant = selectActiveVariant(state);
  const now = (context.now ?? nowIso)();
  const result: ImportAreasResult = { areaIds: [], refused: [], outsideCity: 0 };
  const changes: ChangeSet["changes"] = [];
  items.forEach((item, index) => {
    let geometry = item.geometry;
    if (item.prepared) {
      if (item.prepared.outsideCity) result.outsideCity += 1;
    } else {
      const cleaned = prepareArea(item.geometry, { boundary: context.boundary, skipRepairWhenValid: true });
      if (!cleaned.ok) {
        result.refused.push({ index, reason: cleaned.reason });
        return;
      }
      if (cleaned.warnings.length > 0) result.outsideCity += 1;
      geometry = cleaned.geometry;
    }
    const colourIndex = variant.areaOrder.length + changes.length;
    const area: PilotArea = {
      id: newAreaId(),
      fields: [],
      partners: [],
      status: "idee",
      notes: "",
      ...item.attributes,
      name: item.name,
      colour: AREA_COLOURS[colourIndex % AREA_COLOURS.length] ?? "#0072b2",
      createdAt: now,
      updatedAt: now,
      geometry,
      origin: { kind: "imported", source },
    };
    changes.push({ type: "area/put", variantId: variant.id, area });
    result.areaIds.push(area.id);
  });
  if (changes.length > 0) state.transact({ label, changes });
  return result;
}
