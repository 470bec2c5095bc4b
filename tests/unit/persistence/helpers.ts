/**
 * Shared helpers for the persistence tests: a fresh fake IndexedDB database per test, a recorder of
 * every row the repository writes, and plans built the way the app builds them (factories plus change
 * sets), so that unchanged variants and areas keep their identity just as in the document store.
 */
import "fake-indexeddb/auto";
import type { MultiPolygon, Polygon } from "geojson";
import {
  applyChangeSet,
  type Change,
  createArea,
  createPlan,
  createVariant,
} from "../../../src/domain/changes/index.ts";
import type { AllianceField } from "../../../src/domain/model/catalogue.ts";
import { asAreaId, asVariantId } from "../../../src/domain/model/ids.ts";
import type { AreaStatus, PilotArea, Plan } from "../../../src/domain/model/plan.ts";
import { PilotkarteDb } from "../../../src/persistence/db.ts";
import { PlanRepository } from "../../../src/persistence/plan-repository.ts";
import { square } from "../domain/changes/plan-fixtures.ts";

export const T0 = "2025-03-01T09:00:00.000Z";
export const T1 = "2025-03-02T10:30:00.000Z";
export const T2 = "2025-03-03T12:00:00.000Z";

let dbCounter = 0;
const openDbs: PilotkarteDb[] = [];

/** A new, empty database with a name no other test uses, and a repository on it. */
export function freshRepository(): { db: PilotkarteDb; repository: PlanRepository } {
  dbCounter++;
  const db = new PilotkarteDb(`pilotkarte-test-${dbCounter}-${Math.random().toString(36).slice(2)}`);
  openDbs.push(db);
  return { db, repository: new PlanRepository(db) };
}

/** Deletes every database made by {@link freshRepository} since the last call (use in `afterEach`). */
export async function deleteFreshDatabases(): Promise<void> {
  const dbs = openDbs.splice(0);
  for (const db of dbs) await db.delete();
}

/** One write that reached the storage layer (below Dexie's hooks and transactions). */
export interface RecordedWrite {
  table: string;
  type: "add" | "put" | "delete" | "deleteRange";
  /** Rows written (put/add). */
  values: unknown[];
  /** Keys deleted (delete); empty for a range delete. */
  keys: unknown[];
}

/**
 * Records every mutation Dexie sends to IndexedDB. Must be called before the database's first use
 * (Dexie builds its middleware stack when it opens).
 */
export function recordWrites(db: PilotkarteDb): RecordedWrite[] {
  const log: RecordedWrite[] = [];
  db.use({
    stack: "dbcore",
    name: "test-write-recorder",
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) => {
            log.push({
              table: name,
              type: request.type,
              values: request.type === "add" || request.type === "put" ? [...request.values] : [],
              keys: request.type === "delete" ? [...request.keys] : [],
            });
            return table.mutate(request);
          },
        };
      },
    }),
  });
  return log;
}

/** Ids of the rows put into `table`, in the order they were written. */
export function putIds(log: readonly RecordedWrite[], table: string): string[] {
  return log
    .filter((w) => w.table === table && (w.type === "put" || w.type === "add"))
    .flatMap((w) => w.values.map((v) => (v as { id: string }).id));
}

export interface AreaSpec {
  id: string;
  name?: string;
  x?: number;
  y?: number;
  size?: number;
  /** A second square makes the area a MultiPolygon. */
  second?: { x: number; y: number };
  fields?: AllianceField[];
  partners?: string[];
  status?: AreaStatus;
  notes?: string;
  colour?: string;
  origin?: PilotArea["origin"];
}

export interface VariantSpec {
  id: string;
  name?: string;
  areas: AreaSpec[];
}

export interface PlanSpec {
  id: string;
  name?: string;
  variants: VariantSpec[];
  now?: string;
}

export function areaGeometry(spec: AreaSpec): Polygon | MultiPolygon {
  const first = square(spec.x ?? 0, spec.y ?? 0, spec.size ?? 0.002);
  if (!spec.second) return first;
  const second = square(spec.second.x, spec.second.y, spec.size ?? 0.002);
  return { type: "MultiPolygon", coordinates: [first.coordinates, second.coordinates] };
}

export function buildArea(spec: AreaSpec, now = T0): PilotArea {
  return createArea(
    {
      geometry: areaGeometry(spec),
      origin: spec.origin ?? { kind: "drawn", tool: "rectangle" },
      name: spec.name ?? `Fläche ${spec.id}`,
      fields: spec.fields ?? ["energie"],
      partners: spec.partners ?? [],
      ...(spec.status ? { status: spec.status } : {}),
      ...(spec.notes !== undefined ? { notes: spec.notes } : {}),
      ...(spec.colour ? { colour: spec.colour } : {}),
    },
    now,
    asAreaId(spec.id),
  );
}

/** A plan made with createPlan, then filled with variant/put and area/put change sets, as the app does. */
export function buildPlan(spec: PlanSpec): Plan {
  const now = spec.now ?? T0;
  let plan = createPlan(spec.name ?? `Plan ${spec.id}`, now, () => spec.id);
  for (const variantSpec of spec.variants) {
    const variantId = asVariantId(variantSpec.id);
    const changes: Change[] = [
      {
        type: "variant/put",
        variant: createVariant(variantSpec.name ?? `Variante ${variantSpec.id}`, now, variantId),
      },
      ...variantSpec.areas.map(
        (area): Change => ({ type: "area/put", variantId, area: buildArea(area, now) }),
      ),
    ];
    plan = applyChangeSet(plan, { label: "build", changes }).plan;
  }
  return plan;
}

/** Two variants: v1 with areas a1, a2, a3 (a3 a MultiPolygon), v2 with b1. */
export function standardPlan(id = "plan-1"): Plan {
  return buildPlan({
    id,
    name: "Pilotgebiete 2025",
    variants: [
      {
        id: "v1",
        name: "Nord",
        areas: [
          { id: "a1", x: 0, y: 0, fields: ["energie"], partners: ["DEW21"] },
          { id: "a2", x: 1, y: 0, fields: ["mobilitaet", "mensch"], status: "kandidat", notes: "Hafen" },
          { id: "a3", x: 2, y: 0, second: { x: 2, y: 1 }, origin: { kind: "derived", operation: "union" } },
        ],
      },
      { id: "v2", name: "Süd", areas: [{ id: "b1", x: 0, y: 3, colour: "#e69f00" }] },
    ],
  });
}

/** Applies one change set, as the document store does. */
export function edit(plan: Plan, ...changes: Change[]): Plan {
  return applyChangeSet(plan, { label: "edit", changes }).plan;
}

/** Ids of the areas of every variant, by variant, in order: for readable failure messages. */
export function outline(plan: Plan): Record<string, string[]> {
  return Object.fromEntries(plan.variantOrder.map((id) => [id, [...(plan.variants[id]?.areaOrder ?? [])]]));
}
