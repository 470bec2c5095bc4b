/**
 * What can be done with the selected pilot area: zoom, edit its vertices with the keyboard, its
 * one-pager, duplicate, clip to the city, delete, and subtract another area from it.
 */
import { useTranslation } from "react-i18next";
import type { AreaId, PilotArea } from "../domain/model/plan.ts";
import { keyboardDrawCommands } from "../map/draw/KeyboardDrawState.ts";
import { zoomToGeometry } from "../map/map-commands.ts";
import { useSessionStore } from "../store/session-store.ts";
import { commandContext, loadCommands } from "./command-context.ts";
import { OnePagerButton } from "./onepager/OnePagerButton.tsx";

interface AreaActionsProps {
  area: PilotArea;
  others: PilotArea[];
  formId: string;
  /** Another tab edits the plan: every action that changes it is disabled. */
  readOnly: boolean;
  /** The area chosen to subtract (kept by the panel while another area is selected). */
  subtractId: string;
  onSubtractId: (id: string) => void;
}

/** The action buttons and the subtract row of the selected area. */
export function AreaActions({
  area,
  others,
  formId,
  readOnly,
  subtractId,
  onSubtractId: setSubtractId,
}: AreaActionsProps) {
  const { t } = useTranslation();
  const selectPilotArea = useSessionStore((s) => s.selectPilotArea);
  const notify = useSessionStore((s) => s.notify);
  return (
    <>
      <h3>{t("attributes.actions")}</h3>
      <div className="button-row">
        <button type="button" className="button" onClick={() => zoomToGeometry(area.geometry)}>
          {t("attributes.zoom")}
        </button>
        {area.geometry.type === "Polygon" && (
          <button
            type="button"
            className="button"
            disabled={readOnly}
            onClick={() => keyboardDrawCommands()?.startEdit()}
          >
            {t("a11y.keyboard.editVertices")}
          </button>
        )}
        <OnePagerButton target={{ kind: "area", areaId: area.id }} />
        <button
          type="button"
          className="button"
          disabled={readOnly}
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
          disabled={readOnly}
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
          disabled={readOnly}
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
      <SubtractRow
        area={area}
        others={others}
        formId={formId}
        readOnly={readOnly}
        subtractId={subtractId}
        onSubtractId={setSubtractId}
      />
    </>
  );
}

/** Subtract another area of the variant from the selected one. */
function SubtractRow({
  area,
  others,
  formId,
  readOnly,
  subtractId,
  onSubtractId: setSubtractId,
}: AreaActionsProps) {
  const { t } = useTranslation();
  return (
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
        disabled={!subtractId || readOnly}
        onClick={() => {
          const other = subtractId as AreaId;
          setSubtractId("");
          void loadCommands().then(({ subtractOtherArea, reportResult }) => {
            const result = subtractOtherArea(commandContext(), area.id, other, t("attributes.subtractLabel"));
            if (!result.ok) reportResult(result);
          });
        }}
      >
        {t("attributes.subtractLabel")}
      </button>
    </div>
  );
}
