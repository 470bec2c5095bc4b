/**
 * Factories for new plans, variants and areas, with every default filled in.
 *
 * Time and ids come in as arguments (with `newId` as the default id source) so that tests and
 * fixtures are deterministic. Names are arguments too: default names such as "Variante 1" are UI
 * text and belong to the i18n layer, not here.
 */
import { asAreaId, asPlanId, asVariantId, newId } from "../model/ids.ts";
import type { AreaId, PilotArea, Plan, Variant, VariantId } from "../model/plan.ts";
import { AREA_COLOURS, PLAN_SCHEMA_VERSION } from "../model/plan.ts";

/** An empty plan (no variants yet) at the current schema version. `now` is an ISO 8601 time. */
export function createPlan(name: string, now: string, idFactory: () => string = newId): Plan {
  return {
    id: asPlanId(idFactory()),
    schemaVersion: PLAN_SCHEMA_VERSION,
    name,
    variantOrder: [],
    variants: {},
    createdAt: now,
    updatedAt: now,
  };
}

/** An empty variant. */
export function createVariant(name: string, now: string, id: VariantId = asVariantId(newId())): Variant {
  return { id, name, areaOrder: [], areas: {}, createdAt: now, updatedAt: now };
}

/** What a new area needs: its shape and how it was made; every other attribute has a default. */
export type NewAreaInput = Pick<PilotArea, "geometry" | "origin"> &
  Partial<Omit<PilotArea, "id" | "geometry" | "origin" | "createdAt" | "updatedAt">>;

/**
 * A new area with defaults: no name, status "idee", no fields or partners, empty notes and the first
 * palette colour. Pass `colour: nextAreaColour(variant)` to cycle through the palette. The returned
 * area is not yet valid for saving while `name` and `fields` are empty; see `validateAreaAttributes`.
 */
export function createArea(input: NewAreaInput, now: string, id: AreaId = asAreaId(newId())): PilotArea {
  return {
    id,
    name: input.name ?? "",
    // Copied so that later edits of the caller's arrays cannot reach into the document.
    fields: [...(input.fields ?? [])],
    partners: [...(input.partners ?? [])],
    status: input.status ?? "idee",
    notes: input.notes ?? "",
    colour: input.colour ?? (AREA_COLOURS[0] as string),
    createdAt: now,
    updatedAt: now,
    geometry: input.geometry,
    origin: input.origin,
  };
}

/**
 * The palette colour used least often in the variant, the earliest in the palette on a tie. Adding areas
 * one by one therefore cycles through the palette in order, and a colour freed by a deletion is reused
 * first.
 */
export function nextAreaColour(variant: Pick<Variant, "areaOrder" | "areas">): string {
  const uses = new Map<string, number>(AREA_COLOURS.map((colour) => [colour, 0]));
  for (const id of variant.areaOrder) {
    const colour = variant.areas[id]?.colour.toLowerCase();
    if (colour !== undefined && uses.has(colour)) uses.set(colour, (uses.get(colour) ?? 0) + 1);
  }
  let best = AREA_COLOURS[0] as string;
  for (const colour of AREA_COLOURS) {
    if ((uses.get(colour) ?? 0) < (uses.get(best) ?? 0)) best = colour;
  }
  return best;
}
