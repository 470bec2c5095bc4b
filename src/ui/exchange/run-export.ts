/**
 * Writes the export the planner chose and downloads it, reporting each step as a status: the map
 * picture (PNG) is drawn on the page from the current view; every other format is written in the
 * exchange worker after the figures of the areas are gathered.
 */

import type { TFunction } from "i18next";
import { type ExportLanguage, type ExportScope, exportFileStem } from "../../domain/exchange/index.ts";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import type { Plan, Variant } from "../../domain/model/plan.ts";
import { formatNumber, type Language } from "../../i18n/index.ts";
import { renderMapImage } from "../../map/map-image.ts";
import { useOverlayStore } from "../../store/overlay-store.ts";
import { useSessionStore } from "../../store/session-store.ts";
import { writeExport } from "../exchange-client.ts";
import { buildExportInput, downloadFile, type ExportChoice, requestOf } from "./export-files.ts";
import { mapImageContent } from "./map-image-content.ts";

/** What is exported: the selected area, the active variant, or the whole plan. */
export type ScopeKind = ExportScope["kind"];

/** Where the export stands. */
export type ExportStatus =
  | { kind: "idle" }
  | { kind: "working"; key: "figures" | "working"; done?: number; total?: number }
  | { kind: "error"; message: string }
  | { kind: "done"; message: string; note?: string };

/** A file size for people: 512 B, 12,5 kB, 3,4 MB. */
function formatSize(bytes: number, language: Language): string {
  if (bytes < 1024) return `${formatNumber(bytes, language)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, language, 1)} kB`;
  return `${formatNumber(bytes / 1024 / 1024, language, 1)} MB`;
}

/** Everything an export needs, taken from the dialog and the stores when the planner confirms. */
export interface ExportRequest {
  choice: ExportChoice;
  scope: ScopeKind;
  plan: Plan;
  variant: Variant;
  selectedAreaId: string | null;
  catalogue: GeneratedCatalogue;
  /** The language of the readable columns. */
  exportLanguage: ExportLanguage;
  /** The UI's language (sizes, the map picture). */
  language: Language;
  t: TFunction;
}

/** Runs the export, telling `onStatus` each step; a failure to gather figures or write a file becomes an error status. */
export async function runExport(request: ExportRequest, onStatus: (status: ExportStatus) => void) {
  const { choice, scope, plan, variant, selectedAreaId, catalogue, exportLanguage, language, t } = request;
  const selectedArea = selectedAreaId ? variant.areas[selectedAreaId] : undefined;
  const planAreaCount = plan.variantOrder.reduce(
    (sum, id) => sum + (plan.variants[id]?.areaOrder.length ?? 0),
    0,
  );
  if (choice === "png") {
    onStatus({ kind: "working", key: "working" });
    const session = useSessionStore.getState();
    const blob = await renderMapImage(
      mapImageContent(t, {
        catalogue,
        plan,
        variant,
        visibleLayers: session.visibleLayers ?? [],
        basemap: session.basemap,
        overlays: useOverlayStore.getState().overlays,
        language,
      }),
    );
    if (!blob) {
      onStatus({ kind: "error", message: t("exchange.export.imageFailed") });
      return;
    }
    const fileName = `${exportFileStem({ plan, variant })}-karte.png`;
    downloadFile(blob, fileName, "image/png");
    onStatus({
      kind: "done",
      message: t("exchange.export.done", { fileName, size: formatSize(blob.size, language) }),
    });
    return;
  }
  const exportScope: ExportScope =
    scope === "plan"
      ? { kind: "plan" }
      : scope === "variant"
        ? { kind: "variant", variantId: variant.id }
        : { kind: "areas", variantId: variant.id, areaIds: selectedAreaId ? [selectedAreaId] : [] };
  if (scope === "areas" && !selectedArea) {
    onStatus({ kind: "error", message: t("exchange.export.nothingSelected") });
    return;
  }
  const count = scope === "plan" ? planAreaCount : scope === "variant" ? variant.areaOrder.length : 1;
  if (count === 0) {
    const scopeName =
      scope === "plan"
        ? t("exchange.export.planScopeName")
        : t("exchange.export.variantScopeName", { name: variant.name });
    onStatus({ kind: "error", message: t("exchange.export.nothing", { scope: scopeName }) });
    return;
  }
  const format = requestOf(choice);
  if (!format) return;
  try {
    onStatus({ kind: "working", key: "figures" });
    const { input, missingFigures } = await buildExportInput(
      plan,
      exportScope,
      catalogue,
      exportLanguage,
      (done, total) => onStatus({ kind: "working", key: "figures", done, total }),
    );
    if (!input || input.areas.length === 0) {
      onStatus({
        kind: "error",
        message: t("exchange.export.nothing", { scope: t("exchange.export.planScopeName") }),
      });
      return;
    }
    onStatus({ kind: "working", key: "working" });
    const file = await writeExport(input, format);
    downloadFile(file.bytes, file.fileName, file.mimeType);
    onStatus({
      kind: "done",
      message: t("exchange.export.done", {
        fileName: file.fileName,
        size: formatSize(file.bytes.byteLength, language),
      }),
      ...(missingFigures > 0 ? { note: t("exchange.export.figuresMissing", { count: missingFigures }) } : {}),
    });
  } catch (error) {
    onStatus({
      kind: "error",
      message: t("exchange.export.failed", {
        detail: error instanceof Error ? error.message : String(error),
      }),
    });
  }
}
