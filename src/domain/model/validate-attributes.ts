/**
 * Checks the attributes a planner types into the attributes panel.
 *
 * Returns problem codes, not messages: the UI turns `{ field, code }` into German or English text, so
 * the domain stays free of UI wording. An empty list means the attributes are valid.
 */
import { ALLIANCE_FIELDS } from "./catalogue.ts";
import type { AreaAttributes } from "./plan.ts";

/** Longest area name, counted in characters (code points) after trimming. */
export const MAX_AREA_NAME_LENGTH = 120;

/** The attributes that can have a problem. */
export type AttributeField = "name" | "fields" | "colour";

/** What is wrong with one attribute. */
export type AttributeProblemCode =
  /** Empty (a name of only spaces counts as empty; no alliance field chosen). */
  | "required"
  /** Longer than allowed ({@link MAX_AREA_NAME_LENGTH}). */
  | "too-long"
  /** Present but not an allowed value (unknown alliance field, colour not "#rrggbb"). */
  | "invalid";

export interface AttributeProblem {
  field: AttributeField;
  code: AttributeProblemCode;
}

// Upper-case hex is accepted too: colours in imported files are not always normalised.
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** Lists every problem with the attributes, at most one per field, in the order name, fields, colour. */
export function validateAreaAttributes(
  attributes: Pick<AreaAttributes, "name" | "fields" | "colour">,
): AttributeProblem[] {
  const problems: AttributeProblem[] = [];

  const name = attributes.name.trim();
  if (name.length === 0) {
    problems.push({ field: "name", code: "required" });
  } else if (Array.from(name).length > MAX_AREA_NAME_LENGTH) {
    // Array.from counts code points, so a character outside the BMP (an emoji) counts once, not twice.
    problems.push({ field: "name", code: "too-long" });
  }

  if (attributes.fields.length === 0) {
    problems.push({ field: "fields", code: "required" });
  } else if (attributes.fields.some((field) => !ALLIANCE_FIELDS.includes(field))) {
    problems.push({ field: "fields", code: "invalid" });
  }

  if (!HEX_COLOUR.test(attributes.colour)) {
    problems.push({ field: "colour", code: "invalid" });
  }

  return problems;
}
