/** "Build from districts": the picked districts, their total area, and what to do with them. */
import "./DistrictPicker.css";
import { useTranslation } from "react-i18next";
import type { AreaGeometry, AreaId } from "../domain/model/plan.ts";
import { formatKm2 } from "../i18n/index.ts";
import { selectActiveVariant } from "../store/document-store.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { useReferenceStore } from "../store/reference-store.ts";
import { useSessionStore } from "../store/session-store.ts";
import { commandContext, loadCommands } from "./command-context.ts";

export function DistrictPicker() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as "de" | "en";
  const tool = useSessionStore((s) => s.tool);
  const picked = useSessionStore((s) => s.picked);
  const clearPicked = useSessionStore((s) => s.clearPicked);
  const selectedAreaId = useSessionStore((s) => s.selectedAreaId);
  const selectedArea = useDocumentStore((s) =>
    selectedAreaId ? selectActiveVariant(s).areas[selectedAreaId] : undefined,
  );
  const referenceStatus = useReferenceStore((s) => s.status);
  if (tool !== "districts") return null;
  const total = picked.reduce((sum, d) => sum + d.areaKm2, 0);

  /** The picked districts' geometries (from the analysis worker), or null if one is missing. */
  const geometries = async (): Promise<AreaGeometry[] | null> => {
    const level = picked[0]?.level;
    if (!level) return null;
    const found = await useReferenceStore.getState().districtGeometries(
      level,
      picked.map((d) => d.code),
    );
    return found.length === picked.length ? found : null;
  };
  const session = useSessionStore.getState;
  const run = async (action: "create" | "add" | "remove") => {
    const { changeAreaByDistricts, createArea, geometryFromDistricts, reportResult } = await loadCommands();
    const parts = await geometries();
    if (!parts || parts.length === 0) {
      session().notify({ kind: "warning", key: "districtsPick.notReady" });
      return;
    }
    const level = picked[0]?.level ?? "unterbezirk";
    if (action === "create") {
      const merged = geometryFromDistricts(parts);
      if (!merged) {
        session().notify({ kind: "error", key: "draw.refused.empty", values: { area: 0, min: 0 } });
        return;
      }
      const result = createArea(
        commandContext(),
        merged,
        { kind: "districts", level, codes: picked.map((d) => d.code) },
        { namePrefix: t("draw.newArea"), label: t("districtsPick.label") },
      );
      if (result.ok) {
        session().notify({ kind: "info", key: "districtsPick.created", values: { n: picked.length } });
        clearPicked();
        session().selectPilotArea(result.areaId);
      } else {
        reportResult(result);
      }
      return;
    }
    if (!selectedAreaId) return;
    const result = changeAreaByDistricts(
      commandContext(),
      selectedAreaId as AreaId,
      parts,
      action,
      t(action === "add" ? "districtsPick.addLabel" : "districtsPick.removeLabel"),
    );
    if (result.ok) clearPicked();
    else reportResult(result);
  };

  return (
    <section
      className="map-card district-picker"
      aria-labelledby="district-picker-title"
      data-testid="district-picker"
    >
      <h2 id="district-picker-title">{t("districtsPick.heading")}</h2>
      {referenceStatus !== "ready" && <p className="muted small">{t("districtsPick.notReady")}</p>}
      {picked.length === 0 ? (
        <p className="muted">{t("districtsPick.none")}</p>
      ) : (
        <>
          <ul className="picked-list">
            {picked.map((d) => (
              <li key={`${d.level}-${d.featureId}`}>
                {d.name} <span className="muted">({d.code})</span> · {formatKm2(d.areaKm2, language)}
              </li>
            ))}
          </ul>
          <p>
            <strong>{t("districtsPick.total", { area: formatKm2(total, language) })}</strong>
          </p>
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={() => void run("create")}>
              {t("districtsPick.create")}
            </button>
            {selectedArea && (
              <>
                <button type="button" className="button" onClick={() => void run("add")}>
                  {t("districtsPick.addTo", { name: selectedArea.name })}
                </button>
                <button type="button" className="button" onClick={() => void run("remove")}>
                  {t("districtsPick.removeFrom", { name: selectedArea.name })}
                </button>
              </>
            )}
            <button type="button" className="button" onClick={clearPicked}>
              {t("districtsPick.clear")}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
