/**
 * The IndexedDB database (Dexie): the only place that knows table and index names.
 *
 * Plans are stored in three tables so that an autosave writes only what changed: plan metadata,
 * variants (metadata and area order), and one row per pilot area (the row shapes are in rows.ts).
 * Snapshots keep whole plan documents. Table names, key paths and index names are persisted: DO NOT
 * RENAME WITHOUT A NEW DEXIE VERSION with an upgrade function.
 */
import Dexie, { type Table } from "dexie";
import type { OverlayRecord } from "../store/overlay-store.ts";
import type { AreaRow, PlanRow, SettingRow, SnapshotRow, VariantRow } from "./rows.ts";

export {
  type AreaRow,
  type PlanRow,
  planRowOf,
  rowsOf,
  type SettingRow,
  type SnapshotKind,
  type SnapshotRow,
  type VariantRow,
  variantRowOf,
} from "./rows.ts";

export const DB_NAME = "pilotkarte";

/** An imported overlay layer: kept per browser, for every plan (see src/persistence/overlay-sync.ts). */
export type OverlayRow = OverlayRecord;

export class PilotkarteDb extends Dexie {
  plans!: Table<PlanRow, string>;
  variants!: Table<VariantRow, [string, string]>;
  areas!: Table<AreaRow, [string, string, string]>;
  snapshots!: Table<SnapshotRow, string>;
  settings!: Table<SettingRow, string>;
  overlays!: Table<OverlayRow, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      plans: "id, updatedAt, deletedAt",
      variants: "[planId+id], planId",
      areas: "[planId+variantId+id], planId, [planId+variantId]",
      snapshots: "id, planId, [planId+createdAt]",
      settings: "key",
    });
    // Version 2 adds the overlay layers (a new table; nothing to migrate).
    this.version(2).stores({ overlays: "id, addedAt" });
  }
}
