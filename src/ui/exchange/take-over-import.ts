/**
 * Takes a previewed file over: its areas as pilot areas of the active variant (checked in the worker
 * and sent in batches, a snapshot first, one undo step), or the file as a layer on the map. The plan is
 * unchanged when this fails: nothing is added before every area has arrived.
 */

import { workspace } from "../../persistence/instance.ts";
import type { NewOverlay } from "../../store/overlay-store.ts";
import { useSessionStore } from "../../store/session-store.ts";
import { commandContext, loadCommands } from "../command-context.ts";
import { importedAreas, importedOverlay, type OnProgress } from "../exchange-client.ts";
import type { ImportTarget, ReadPreview } from "./import-session.ts";

/** The translated texts the take-over needs. */
export interface TakeOverTexts {
  /** A feature's name, or the name an unnamed one gets. */
  nameOf: (feature: { index: number; name: string | null }) => string;
  /** The snapshot's label before the areas are added. */
  snapshotLabel: string;
  /** The undo step's label. */
  undoLabel: string;
}

/**
 * Adds the areas, or prepares the layer: the layer is returned for the caller to add once the dialog
 * has closed (adding a big layer costs some tens of milliseconds).
 */
export async function takeOverImport(
  fileName: string,
  preview: ReadPreview,
  target: ImportTarget,
  texts: TakeOverTexts,
  onProgress: OnProgress,
): Promise<NewOverlay | null> {
  const notify = useSessionStore.getState().notify;
  if (target === "overlay") {
    onProgress(0, "layer");
    const { geojson, labels } = await importedOverlay(preview.token);
    notify({ kind: "info", key: "exchange.import.importedOverlay", values: { fileName } });
    return {
      fileName,
      geojson,
      labels,
      areaCount: preview.areaCount,
      pointCount: preview.pointCount,
      ...(preview.bbox ? { bbox: preview.bbox } : {}),
    };
  }
  // The worker checks the areas and sends them in batches: the page stays responsive meanwhile.
  const context = commandContext();
  const [{ importAreas }, { areas, refused }] = await Promise.all([
    loadCommands(),
    importedAreas(preview.token, onProgress),
  ]);
  await workspace.snapshotBeforeRisky(texts.snapshotLabel);
  const outcome = importAreas(
    context,
    areas.map((area) => ({
      name: texts.nameOf(area),
      geometry: area.geometry,
      attributes: area.attributes,
      prepared: { outsideCity: area.outsideCity },
    })),
    fileName,
    texts.undoLabel,
  );
  notify({
    kind: "info",
    key: "exchange.import.importedAreas",
    values: { count: outcome.areaIds.length, fileName },
  });
  const refusedCount = refused.length + outcome.refused.length;
  if (refusedCount > 0)
    notify({ kind: "warning", key: "exchange.import.refused", values: { count: refusedCount } });
  if (outcome.outsideCity > 0)
    notify({ kind: "warning", key: "exchange.import.outsideCity", values: { count: outcome.outsideCity } });
  return null;
}
