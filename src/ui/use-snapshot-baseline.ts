/**
 * "Change since the last snapshot" for one pilot area: finds the plan's newest snapshot, the same area
 * in it, and its figures (analysed by the worker, cached per snapshot and area), so the coverage panel
 * can show what an edit changed compared with the last saved state.
 */
import { useEffect, useState } from "react";
import type { AreaAnalysis } from "../domain/analysis/analysis-result.ts";
import type { PilotArea, Plan } from "../domain/model/plan.ts";
import { loadWorkspace } from "../persistence/load-workspace.ts";
import { type SnapshotSummary, useStorageStore } from "../store/storage-store.ts";
import { analysisClient } from "./use-analysis.ts";

export type SnapshotBaseline =
  | { state: "none" }
  | { state: "loading"; snapshot: SnapshotSummary }
  /** The area did not exist in the snapshot. */
  | { state: "new"; snapshot: SnapshotSummary }
  | { state: "ready"; snapshot: SnapshotSummary; analysis: AreaAnalysis; sameGeometry: boolean };

const documents = new Map<string, Promise<Plan | null>>();
const analyses = new Map<string, Promise<AreaAnalysis | null>>();

function newest(snapshots: SnapshotSummary[]): SnapshotSummary | null {
  let best: SnapshotSummary | null = null;
  for (const s of snapshots) if (!best || s.createdAt > best.createdAt) best = s;
  return best;
}

function snapshotDocument(id: string): Promise<Plan | null> {
  let found = documents.get(id);
  if (!found) {
    found = loadWorkspace()
      .then((workspace) => workspace.loadSnapshot(id))
      .catch(() => null);
    documents.set(id, found);
  }
  return found;
}

function baselineAnalysis(snapshotId: string, area: PilotArea): Promise<AreaAnalysis | null> {
  const key = `${snapshotId}/${area.id}`;
  let found = analyses.get(key);
  if (!found) {
    const client = analysisClient();
    found = client
      ? client.call((api) => api.analyseArea({ id: area.id, geometry: area.geometry })).catch(() => null)
      : Promise.resolve(null);
    analyses.set(key, found);
    void found.then((result) => {
      if (!result) analyses.delete(key);
    });
  }
  return found;
}

export function useSnapshotBaseline(
  variantId: string,
  area: PilotArea | undefined,
  analysisReady: boolean,
): SnapshotBaseline {
  const snapshot = useStorageStore((s) => newest(s.snapshots));
  const [baseline, setBaseline] = useState<SnapshotBaseline>({ state: "none" });
  const areaId = area?.id;
  const geometry = area?.geometry;
  useEffect(() => {
    if (!snapshot || !areaId || !geometry || !analysisReady) {
      setBaseline({ state: "none" });
      return;
    }
    let cancelled = false;
    setBaseline({ state: "loading", snapshot });
    void (async () => {
      const plan = await snapshotDocument(snapshot.id);
      const before = plan?.variants[variantId]?.areas[areaId];
      if (cancelled) return;
      if (!before) {
        setBaseline(plan ? { state: "new", snapshot } : { state: "none" });
        return;
      }
      const analysis = await baselineAnalysis(snapshot.id, before);
      if (cancelled) return;
      setBaseline(
        analysis
          ? {
              state: "ready",
              snapshot,
              analysis,
              sameGeometry: JSON.stringify(before.geometry) === JSON.stringify(geometry),
            }
          : { state: "none" },
      );
    })();
    return () => {
      cancelled = true;
    };
  }, [snapshot, variantId, areaId, geometry, analysisReady]);
  return baseline;
}
