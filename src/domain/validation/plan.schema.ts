/**
 * The plan document schema (current schema version): what a plan read from IndexedDB, a backup file or
 * a snapshot must look like before the app takes it. Everything the UI and the analysis rely on is
 * checked, geometry included (`geometry.schema.ts`). Attribute values that the attributes panel itself
 * reports as incomplete (an empty name, no alliance field) are accepted, as the app makes such areas;
 * values the app never writes (an unknown status or alliance field, a colour that is not "#rrggbb", a
 * time `Date` cannot read) are refused.
 *
 * The schemas are typed against the model (`v.GenericSchema<unknown, Plan>`), so a field added to the
 * model without its check here does not compile.
 */
import * as v from "valibot";
import { ALLIANCE_FIELDS, REFERENCE_LEVELS } from "../model/catalogue.ts";
import {
  AREA_STATUSES,
  type AreaId,
  type AreaOrigin,
  type PilotArea,
  type Plan,
  type PlanId,
  type Variant,
  type VariantId,
} from "../model/plan.ts";
import { AreaGeometrySchema } from "./geometry.schema.ts";

/** Longest id (ours are 36-character UUIDs; imports and tests use shorter ones). */
export const MAX_ID_LENGTH = 200;

const text = v.string("expected-text");
const textList = v.array(text, "expected-list");

const id = v.pipe(text, v.minLength(1, "invalid-id"), v.maxLength(MAX_ID_LENGTH, "invalid-id"));
const planId = v.pipe(
  id,
  v.transform((value) => value as PlanId),
);
const variantId = v.pipe(
  id,
  v.transform((value) => value as VariantId),
);
const areaId = v.pipe(
  id,
  v.transform((value) => value as AreaId),
);

/** An ISO 8601 time that `Date` can read (the UI formats every stored time). */
export const TimestampSchema = v.pipe(
  text,
  v.check((value) => Number.isFinite(Date.parse(value)), "invalid-timestamp"),
);

const colour = v.pipe(text, v.regex(/^#[0-9a-f]{6}$/i, "invalid-colour"));

/** Records by id (valibot's `record` would take a list, too). */
const recordOf = <T>(item: v.GenericSchema<unknown, T>) =>
  v.pipe(
    v.custom<Record<string, unknown>>(
      (value) => typeof value === "object" && value !== null && !Array.isArray(value),
      "expected-object",
    ),
    v.record(text, item, "expected-object"),
  );

const OriginSchema: v.GenericSchema<unknown, AreaOrigin> = v.variant(
  "kind",
  [
    v.object({
      kind: v.literal("drawn", "unknown-value"),
      tool: v.picklist(["polygon", "rectangle", "circle", "freehand"], "unknown-value"),
    }),
    v.object({
      kind: v.literal("districts", "unknown-value"),
      level: v.picklist(REFERENCE_LEVELS, "unknown-value"),
      codes: textList,
    }),
    v.object({ kind: v.literal("derived", "unknown-value"), operation: text }),
    v.object({ kind: v.literal("imported", "unknown-value"), source: text }),
  ],
  "unknown-value",
);

export const PilotAreaSchema: v.GenericSchema<unknown, PilotArea> = v.object(
  {
    id: areaId,
    name: text,
    fields: v.array(v.picklist(ALLIANCE_FIELDS, "unknown-value"), "expected-list"),
    partners: textList,
    status: v.picklist(AREA_STATUSES, "unknown-value"),
    notes: text,
    colour,
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    geometry: AreaGeometrySchema,
    origin: OriginSchema,
  },
  "expected-object",
);

/** Valibot path items for keys below `input` (only the keys are read, by `problemOf`). */
function pathItems(input: object, keys: readonly string[]): [v.ObjectPathItem, ...v.ObjectPathItem[]] {
  const items = keys.map(
    (key): v.ObjectPathItem => ({
      type: "object",
      origin: "value",
      input: input as Record<string, unknown>,
      key,
      value: undefined,
    }),
  );
  return items as [v.ObjectPathItem, ...v.ObjectPathItem[]];
}

const VariantBaseSchema = v.object(
  {
    id: variantId,
    name: text,
    areaOrder: v.array(areaId, "expected-list"),
    areas: recordOf(PilotAreaSchema),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  "expected-object",
);

/** A variant whose order list and area records agree (saving writes what the order lists). */
export const VariantSchema: v.GenericSchema<unknown, Variant> = v.pipe(
  VariantBaseSchema,
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const variant = dataset.value;
    orderAgrees(variant.areaOrder, variant.areas, "areas", (message, path) =>
      addIssue({ message, path: pathItems(variant, path) }),
    );
  }),
);

/**
 * Reports (through `report`) the first disagreement between an order list and its records: an id
 * listed twice, a listed id without a record or a record left out of the list, a record under another id.
 */
function orderAgrees(
  order: readonly string[],
  records: Record<string, { id: string }>,
  recordsKey: string,
  report: (message: string, path: string[]) => void,
): void {
  if (new Set(order).size !== order.length) {
    report("listed-twice", [`${recordsKey === "areas" ? "areaOrder" : "variantOrder"}`]);
    return;
  }
  const keys = Object.keys(records);
  const listed = new Set(order);
  const missing = order.find((key) => !Object.hasOwn(records, key));
  const unlisted = keys.find((key) => !listed.has(key));
  if (missing !== undefined || unlisted !== undefined) {
    report("order-mismatch", [recordsKey, (missing ?? unlisted) as string]);
    return;
  }
  for (const key of keys) {
    if ((records[key] as { id: string }).id !== key) {
      report("id-mismatch", [recordsKey, key, "id"]);
      return;
    }
  }
}

const PlanBaseSchema = v.object(
  {
    id: planId,
    schemaVersion: v.pipe(v.number("expected-number"), v.integer("expected-integer")),
    name: text,
    variantOrder: v.pipe(v.array(variantId, "expected-list"), v.minLength(1, "no-variant")),
    variants: recordOf(VariantSchema),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  "expected-object",
);

/** A whole plan document at the current schema version. The output is a fresh copy. */
export const PlanSchema: v.GenericSchema<unknown, Plan> = v.pipe(
  PlanBaseSchema,
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const plan = dataset.value;
    orderAgrees(plan.variantOrder, plan.variants, "variants", (message, path) =>
      addIssue({ message, path: pathItems(plan, path) }),
    );
  }),
);
