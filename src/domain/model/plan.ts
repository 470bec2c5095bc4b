/**
 * The plan document: a plan holds variants; a variant holds pilot areas.
 *
 * This is what gets saved, exported and undone. Session state (selection, tool, camera) is not part
 * of it. Field names are persisted: DO NOT RENAME without a numbered migration and a new
 * {@link PLAN_SCHEMA_VERSION}.
 */
import type { MultiPolygon, Polygon } from "geojson";
import type { AllianceField, ReferenceLevel } from "./catalogue.ts";

/** Version of the saved document's JSON shape. Bump together with a migration. */
export const PLAN_SCHEMA_VERSION = 1;

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type PlanId = Brand<string, "PlanId">;
export type VariantId = Brand<string, "VariantId">;
export type AreaId = Brand<string, "AreaId">;

/** Where a pilot area stands in the alliance's process. */
export type AreaStatus = "idee" | "kandidat" | "abgestimmt" | "verworfen";
export const AREA_STATUSES: readonly AreaStatus[] = ["idee", "kandidat", "abgestimmt", "verworfen"] as const;

export type AreaGeometry = Polygon | MultiPolygon;

/** How an area came about; kept so that "add or remove districts" knows what it was built from. */
export type AreaOrigin =
  | { kind: "drawn"; tool: "polygon" | "rectangle" | "circle" | "freehand" }
  | { kind: "districts"; level: ReferenceLevel; codes: string[] }
  | { kind: "derived"; operation: string }
  | { kind: "imported"; source: string };

export interface PilotArea {
  id: AreaId;
  name: string;
  /** One or more of the alliance's five fields; at least one for a valid area. */
  fields: AllianceField[];
  /** Partner organisations, free text. */
  partners: string[];
  status: AreaStatus;
  notes: string;
  /** Display colour, "#rrggbb". */
  colour: string;
  /** ISO 8601 times. */
  createdAt: string;
  updatedAt: string;
  /** Valid, RFC 7946 winding (outer rings counter-clockwise), holes allowed. */
  geometry: AreaGeometry;
  origin: AreaOrigin;
}

export interface Variant {
  id: VariantId;
  name: string;
  /** Area ids in list order; every id has an entry in `areas` and vice versa. */
  areaOrder: AreaId[];
  areas: Record<string, PilotArea>;
  createdAt: string;
  updatedAt: string;
}

export interface Plan {
  id: PlanId;
  schemaVersion: number;
  name: string;
  /** Variant ids in display order; every id has an entry in `variants` and vice versa. */
  variantOrder: VariantId[];
  variants: Record<string, Variant>;
  createdAt: string;
  updatedAt: string;
}

/** Area attributes a planner edits in the attributes panel. */
export type AreaAttributes = Pick<PilotArea, "name" | "fields" | "partners" | "status" | "notes" | "colour">;

/** Colours for new areas, colour-blind-safe (Okabe–Ito), cycled in order. */
export const AREA_COLOURS: readonly string[] = [
  "#0072b2",
  "#e69f00",
  "#009e73",
  "#cc79a7",
  "#d55e00",
  "#56b4e9",
  "#f0e442",
  "#000000",
] as const;
