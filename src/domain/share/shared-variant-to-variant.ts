/**
 * Turns a variant read from a share link into a plan variant with fresh ids, for showing it (or
 * adopting it into the open plan). Ids and times are arguments so that tests are deterministic.
 */
import { createArea, createVariant } from "../changes/create-plan.ts";
import { asAreaId, asVariantId, newId } from "../model/ids.ts";
import type { Variant } from "../model/plan.ts";
import type { SharedVariant } from "./share-format.ts";

/** A variant holding the shared areas in link order, each marked as imported from a share link. */
export function sharedVariantToVariant(
  shared: SharedVariant,
  now: string,
  idFactory: () => string = newId,
): Variant {
  const variant = createVariant(shared.variantName, now, asVariantId(idFactory()));
  const areas = shared.areas.map((area) =>
    createArea(
      {
        name: area.name,
        fields: area.fields,
        partners: area.partners,
        status: area.status,
        notes: area.notes,
        colour: area.colour,
        geometry: area.geometry,
        origin: { kind: "imported", source: "share-link" },
      },
      now,
      asAreaId(idFactory()),
    ),
  );
  return {
    ...variant,
    areaOrder: areas.map((area) => area.id),
    areas: Object.fromEntries(areas.map((area) => [area.id, area])),
  };
}
