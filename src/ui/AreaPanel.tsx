/**
 * The selected pilot area: its attributes as a form (validated, applied as one undo step), its
 * measures, and the area actions (duplicate, delete, clip to the city, subtract another area, zoom).
 */
import "./AreaPanel.css";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { geodesicArea, geodesicPerimeter } from "../domain/geometry/measure-area.ts";
import { ALLIANCE_FIELDS, type AllianceField } from "../domain/model/catalogue.ts";
import {
  AREA_STATUSES,
  type AreaAttributes,
  type AreaId,
  type AreaStatus,
  type PilotArea,
} from "../domain/model/plan.ts";
import { validateAreaAttributes } from "../domain/model/validate-attributes.ts";
import type { Language } from "../i18n/index.ts";
import { keyboardDrawCommands } from "../map/draw/KeyboardDrawState.ts";
import { zoomToGeometry } from "../map/map-commands.ts";
import { selectActiveVariant } from "../store/document-store.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { useSessionStore } from "../store/session-store.ts";
import { commandContext, loadCommands } from "./command-context.ts";
import { OnePagerButton } from "./onepager/OnePagerButton.tsx";
import { formatAreaM2, formatLengthM } from "./Toolbar.tsx";

interface Draft {
  name: string;
  fields: AllianceField[];
  partners: string;
  status: AreaStatus;
  notes: string;
  colour: string;
}

function draftOf(area: PilotArea): Draft {
  return {
    name: area.name,
    fields: [...area.fields],
    partners: area.partners.join("\n"),
    status: area.status,
    notes: area.notes,
    colour: area.colour,
  };
}

function attributesOf(draft: Draft): AreaAttributes {
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

export function AreaPanel() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const formId = useId();
  const selectedAreaId = useSessionStore((s) => s.selectedAreaId);
  const selectPilotArea = useSessionStore((s) => s.selectPilotArea);
  const notify = useSessionStore((s) => s.notify);
  const variant = useDocumentStore(selectActiveVariant);
  const area = selectedAreaId ? variant.areas[selectedAreaId] : undefined;
  const [draft, setDraft] = useState<Draft | null>(area ? draftOf(area) : null);
  const [showErrors, setShowErrors] = useState(false);
  const [subtractId, setSubtractId] = useState("");

  // A new selection, or an undo that changed the stored attributes, resets the form.
  useEffect(() => {
    setDraft(area ? draftOf(area) : null);
    setShowErrors(false);
  }, [area]);

  if (!area || !draft) return null;
  const attributes = attributesOf(draft);
  const problems = validateAreaAttributes(attributes);
  const error = (field: "name" | "fields" | "colour") => {
    const problem = problems.find((p) => p.field === field);
    return showErrors && problem ? t(`attributes.errors.${field}.${problem.code}`) : null;
  };
  const dirty = JSON.stringify(attributes) !== JSON.stringify(attributesOf(draftOf(area)));
  const storedProblems = validateAreaAttributes(area);
  const others = variant.areaOrder
    .filter((id) => id !== area.id)
    .map((id) => variant.areas[id])
    .filter(Boolean) as PilotArea[];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (problems.length > 0) return;
    void loadCommands().then(({ updateAreaAttributes }) => {
      updateAreaAttributes(commandContext(), area.id, attributes, t("attributes.label"));
      notify({ kind: "info", key: "attributes.saved" });
    });
  };
  const nameError = error("name");
  const fieldsError = error("fields");
  const colourError = error("colour");

  return (
    <section className="area-panel" aria-labelledby={`${formId}-title`} data-testid="area-panel">
      <header className="panel-head">
        <h2 id={`${formId}-title`}>{t("attributes.heading")}</h2>
        <button
          type="button"
          className="icon-button"
          onClick={() => selectPilotArea(null)}
          aria-label={t("attributes.close")}
        >
          ×
        </button>
      </header>
      <p className="muted small" data-testid="area-measures">
        {t("attributes.measures", {
          area: formatAreaM2(geodesicArea(area.geometry), language),
          perimeter: formatLengthM(geodesicPerimeter(area.geometry), language),
        })}
      </p>
      {storedProblems.length > 0 && <p className="badge badge-warning">{t("attributes.incomplete")}</p>}
      {area.geometry.type !== "Polygon" || area.geometry.coordinates.length > 1 ? (
        <p className="muted small">{t("draw.multipartHint")}</p>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
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
        <fieldset aria-describedby={fieldsError ? `${formId}-fields-error` : undefined}>
          <legend>{t("attributes.fields")}</legend>
          {ALLIANCE_FIELDS.map((field) => (
            <label key={field} className="inline-check">
              <input
                type="checkbox"
                checked={draft.fields.includes(field)}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    fields: e.currentTarget.checked
                      ? [...draft.fields, field]
                      : draft.fields.filter((f) => f !== field),
                  })
                }
              />
              {t(`layers.fields.${field}`)}
            </label>
          ))}
        </fieldset>
        {fieldsError && (
          <p className="field-error" id={`${formId}-fields-error`}>
            {fieldsError}
          </p>
        )}
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
      </form>
      <h3>{t("attributes.actions")}</h3>
      <div className="button-row">
        <button type="button" className="button" onClick={() => zoomToGeometry(area.geometry)}>
          {t("attributes.zoom")}
        </button>
        {area.geometry.type === "Polygon" && (
          <button type="button" className="button" onClick={() => keyboardDrawCommands()?.startEdit()}>
            {t("a11y.keyboard.editVertices")}
          </button>
        )}
        <OnePagerButton target={{ kind: "area", areaId: area.id }} />
        <button
          type="button"
          className="button"
          onClick={() =>
            void loadCommands().then(({ duplicateArea }) => {
              const id = duplicateArea(
                commandContext(),
                area.id,
                t("attributes.copySuffix"),
                t("attributes.duplicateLabel"),
              );
              if (id) selectPilotArea(id);
            })
          }
        >
          {t("attributes.duplicate")}
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            void loadCommands().then(({ clipAreaToCity, reportResult }) => {
              const result = clipAreaToCity(commandContext(), area.id, t("attributes.clipLabel"));
              if (!result.ok) reportResult(result);
            })
          }
        >
          {t("attributes.clip")}
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={() => {
            selectPilotArea(null);
            void loadCommands().then(({ deleteAreas }) => {
              deleteAreas(commandContext(), [area.id], t("attributes.deleteLabel"));
              notify({ kind: "info", key: "attributes.deleted" });
            });
          }}
        >
          {t("attributes.delete")}
        </button>
      </div>
      <div className="subtract-row">
        <label htmlFor={`${formId}-subtract`}>{t("attributes.subtract")}</label>
        <select
          id={`${formId}-subtract`}
          value={subtractId}
          onChange={(e) => setSubtractId(e.currentTarget.value)}
        >
          <option value="">{others.length === 0 ? t("attributes.subtractNone") : "—"}</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={!subtractId}
          onClick={() => {
            const other = subtractId as AreaId;
            setSubtractId("");
            void loadCommands().then(({ subtractOtherArea, reportResult }) => {
              const result = subtractOtherArea(
                commandContext(),
                area.id,
                other,
                t("attributes.subtractLabel"),
              );
              if (!result.ok) reportResult(result);
            });
          }}
        >
          {t("attributes.subtractLabel")}
        </button>
      </div>
    </section>
  );
}
