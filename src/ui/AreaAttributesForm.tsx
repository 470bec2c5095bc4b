/**
 * The attributes of the selected pilot area as a form: name, alliance fields, partners, status,
 * colour, notes. Validated on "apply" and applied as one undo step; a new selection, or an undo that
 * changed the stored attributes, resets it.
 */
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ALLIANCE_FIELDS, type AllianceField } from "../domain/model/catalogue.ts";
import { AREA_STATUSES, type AreaStatus, type PilotArea } from "../domain/model/plan.ts";
import { validateAreaAttributes } from "../domain/model/validate-attributes.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { useSessionStore } from "../store/session-store.ts";
import { attributesOf, type Draft, draftOf } from "./area-draft.ts";
import { commandContext, loadCommands } from "./command-context.ts";

/** The form for `area`; `formId` prefixes its element ids. */
export function AreaAttributesForm({
  area,
  formId,
  readOnly,
}: {
  area: PilotArea;
  formId: string;
  /** Another tab edits the plan: the form is shown but disabled, and submitting does nothing. */
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const notify = useSessionStore((s) => s.notify);
  const [draft, setDraft] = useState<Draft>(() => draftOf(area));
  const [showErrors, setShowErrors] = useState(false);

  useEffect(() => {
    setDraft(draftOf(area));
    setShowErrors(false);
  }, [area]);

  const attributes = attributesOf(draft);
  const problems = validateAreaAttributes(attributes);
  const error = (field: "name" | "fields" | "colour") => {
    const problem = problems.find((p) => p.field === field);
    return showErrors && problem ? t(`attributes.errors.${field}.${problem.code}`) : null;
  };
  const dirty = JSON.stringify(attributes) !== JSON.stringify(attributesOf(draftOf(area)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (problems.length > 0 || useDocumentStore.getState().readOnly) return;
    void loadCommands().then(({ updateAreaAttributes }) => {
      updateAreaAttributes(commandContext(), area.id, attributes, t("attributes.label"));
      notify({ kind: "info", key: "attributes.saved" });
    });
  };
  const nameError = error("name");
  const fieldsError = error("fields");
  const colourError = error("colour");

  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset className="plain-fieldset" disabled={readOnly}>
        <label htmlFor={`${formId}-name`}>{t("attributes.name")}</label>
        <input
          id={`${formId}-name`}
          type="text"
          value={draft.name}
          maxLength={200}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${formId}-name-error` : undefined}
          onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
        />
        {nameError && (
          <p className="field-error" id={`${formId}-name-error`}>
            {nameError}
          </p>
        )}
        <AllianceFieldsInput
          fields={draft.fields}
          error={fieldsError}
          errorId={`${formId}-fields-error`}
          onChange={(fields) => setDraft({ ...draft, fields })}
        />
        <label htmlFor={`${formId}-partners`}>{t("attributes.partners")}</label>
        <textarea
          id={`${formId}-partners`}
          rows={3}
          value={draft.partners}
          placeholder={t("attributes.partnersHint")}
          onChange={(e) => setDraft({ ...draft, partners: e.currentTarget.value })}
        />
        <div className="form-row">
          <div>
            <label htmlFor={`${formId}-status`}>{t("attributes.status")}</label>
            <select
              id={`${formId}-status`}
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.currentTarget.value as AreaStatus })}
            >
              {AREA_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`attributes.statuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${formId}-colour`}>{t("attributes.colour")}</label>
            <input
              id={`${formId}-colour`}
              type="color"
              value={draft.colour}
              onChange={(e) => setDraft({ ...draft, colour: e.currentTarget.value })}
            />
            {colourError && <p className="field-error">{colourError}</p>}
          </div>
        </div>
        <label htmlFor={`${formId}-notes`}>{t("attributes.notes")}</label>
        <textarea
          id={`${formId}-notes`}
          rows={3}
          value={draft.notes}
          onChange={(e) => setDraft({ ...draft, notes: e.currentTarget.value })}
        />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={!dirty}>
            {t("attributes.save")}
          </button>
          <button type="button" className="button" disabled={!dirty} onClick={() => setDraft(draftOf(area))}>
            {t("attributes.reset")}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

/** The alliance fields as checkboxes, with the error below them. */
function AllianceFieldsInput({
  fields,
  error,
  errorId,
  onChange,
}: {
  fields: AllianceField[];
  error: string | null;
  errorId: string;
  onChange: (fields: AllianceField[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset aria-describedby={error ? errorId : undefined}>
        <legend>{t("attributes.fields")}</legend>
        {ALLIANCE_FIELDS.map((field) => (
          <label key={field} className="inline-check">
            <input
              type="checkbox"
              checked={fields.includes(field)}
              onChange={(e) =>
                onChange(e.currentTarget.checked ? [...fields, field] : fields.filter((f) => f !== field))
              }
            />
            {t(`layers.fields.${field}`)}
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </>
  );
}
