/**
 * The selected pilot area: its attributes as a form (validated, applied as one undo step), its
 * measures, and the area actions (duplicate, delete, clip to the city, subtract another area, zoom).
 */
import "./AreaPanel.css";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { geodesicArea, geodesicPerimeter } from "../domain/geometry/measure-area.ts";
import type { PilotArea } from "../domain/model/plan.ts";
import { validateAreaAttributes } from "../domain/model/validate-attributes.ts";
import type { Language } from "../i18n/index.ts";
import { selectActiveVariant } from "../store/document-store.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { useSessionStore } from "../store/session-store.ts";
import { AreaActions } from "./AreaActions.tsx";
import { AreaAttributesForm } from "./AreaAttributesForm.tsx";
import { formatAreaM2, formatLengthM } from "./Toolbar.tsx";

export function AreaPanel() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const formId = useId();
  const selectedAreaId = useSessionStore((s) => s.selectedAreaId);
  const selectPilotArea = useSessionStore((s) => s.selectPilotArea);
  const variant = useDocumentStore(selectActiveVariant);
  // Another tab edits the plan: the form and the area actions are shown but cannot change anything.
  const readOnly = useDocumentStore((s) => s.readOnly);
  const area = selectedAreaId ? variant.areas[selectedAreaId] : undefined;
  const [subtractId, setSubtractId] = useState("");
  if (!area) return null;
  const storedProblems = validateAreaAttributes(area);
  const others = variant.areaOrder
    .filter((id) => id !== area.id)
    .map((id) => variant.areas[id])
    .filter(Boolean) as PilotArea[];

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
      {readOnly && (
        <p className="notice notice-info small" data-testid="area-read-only">
          {t("storage.readOnlyAction")}
        </p>
      )}
      <AreaAttributesForm area={area} formId={formId} readOnly={readOnly} />
      <AreaActions
        area={area}
        others={others}
        formId={formId}
        readOnly={readOnly}
        subtractId={subtractId}
        onSubtractId={setSubtractId}
      />
    </section>
  );
}
