/**
 * Messages between the tabs of one browser (BroadcastChannel "pilotkarte") and the view state kept per
 * plan in the settings table. Both arrive from outside this tab's code: another tab may run another
 * app version, a browser extension can post to the channel, and a stored setting may be damaged. What
 * does not match is ignored (messages) or replaced by defaults (view state); nothing throws.
 */
import * as v from "valibot";
import { MAX_ID_LENGTH } from "./plan.schema.ts";

const id = v.pipe(
  v.string("expected-text"),
  v.minLength(1, "invalid-id"),
  v.maxLength(MAX_ID_LENGTH, "invalid-id"),
);

/** A message about one plan from another tab (`tab` is the sender's random id). */
const planMessage = <T extends string>(type: T) =>
  v.object({ type: v.literal(type, "unknown-value"), planId: id, tab: id }, "expected-object");

export const TabMessageSchema = v.variant(
  "type",
  [
    /** The editing tab wrote the plan: read-only tabs reload it. */
    planMessage("saved"),
    /** A tab wants to take the plan over: the editing tab saves what is pending first. */
    planMessage("flush-request"),
    /** Answer to "flush-request": everything is written. */
    planMessage("flushed"),
    /** The plan was moved to the trash in the sending tab. */
    planMessage("trashed"),
    /** The plan was taken out of the trash in the sending tab. */
    planMessage("restored"),
  ],
  "unknown-value",
);

export type TabMessage = v.InferOutput<typeof TabMessageSchema>;

/** A received message, or null when it is not one of ours. */
export function parseTabMessage(data: unknown): TabMessage | null {
  const result = v.safeParse(TabMessageSchema, data, { abortEarly: true });
  return result.success ? result.output : null;
}

const finite = v.pipe(v.number("expected-number"), v.finite("not-finite"));

export const ViewStateSchema = v.object({
  variantId: v.optional(id),
  selectedAreaId: v.optional(v.nullable(id)),
  camera: v.optional(
    v.object({
      center: v.tuple([
        v.pipe(finite, v.minValue(-180, "position-out-of-range"), v.maxValue(180, "position-out-of-range")),
        v.pipe(finite, v.minValue(-90, "position-out-of-range"), v.maxValue(90, "position-out-of-range")),
      ]),
      zoom: v.pipe(finite, v.minValue(0, "unknown-value"), v.maxValue(24, "unknown-value")),
    }),
  ),
});

/** Where the planner left off in a plan: variant, selection, camera. */
export type ViewState = v.InferOutput<typeof ViewStateSchema>;

/** A stored view state, or undefined when the setting is missing or damaged (the plan opens as new). */
export function parseViewState(raw: unknown): ViewState | undefined {
  const result = v.safeParse(ViewStateSchema, raw, { abortEarly: true });
  return result.success ? result.output : undefined;
}
