/**
 * The attributes form's draft of a pilot area: its fields as the form edits them (partners one per
 * line), and back to the attributes the plan stores.
 */
import { ALLIANCE_FIELDS, type AllianceField } from "../domain/model/catalogue.ts";
import type { AreaAttributes, AreaStatus, PilotArea } from "../domain/model/plan.ts";

/** The form's values: partners as one text, one per line. */
export interface Draft {
  name: string;
  fields: AllianceField[];
  partners: string;
  status: AreaStatus;
  notes: string;
  colour: string;
}

/** The form's values for a stored area. */
export function draftOf(area: PilotArea): Draft {
  return {
    name: area.name,
    fields: [...area.fields],
    partners: area.partners.join("\n"),
    status: area.status,
    notes: area.notes,
    colour: area.colour,
  };
}

/** The attributes to store: name trimmed, fields in catalogue order, partners one per non-empty line. */
export function attributesOf(draft: Draft): AreaAttributes {
  return {
    name: draft.name.trim(),
    fields: ALLIANCE_FIELDS.filter((f) => draft.fields.includes(f)),
    partners: draft.partners
      .split("\n")
      .map((p) => p.trim())
      .filter(Boolean),
    status: draft.status,
    notes: draft.notes,
    colour: draft.colour,
  };
}
