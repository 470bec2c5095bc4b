/**
 * The PostGIS mirror (PostgreSQL only): the pilot areas of every shared plan as rows with a geometry
 * in EPSG:25832 (table `pilot_areas`, view `pilot_areas_wgs84` in EPSG:4326, role
 * `pilotkarte_reader`; schema in server/migrations-postgis/). It is derived from the plan's Y.Doc and
 * rewritten after each stored change (Hocuspocus' debounced onStoreDocument); the Y.Doc stays the
 * truth. PostGIS projects the plan's WGS 84 GeoJSON itself (ST_Transform).
 */
import type * as Y from "yjs";
import { readPlan } from "../src/domain/sync/plan-ydoc.ts";
import type { SqlDriver } from "./sql-driver.ts";

const INSERT_AREA = `insert into pilot_areas
  (room, plan_id, plan_name, variant_id, variant_name, area_id, name, fields, status, partners, updated_at, geom)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
    st_multi(st_transform(st_setsrid(st_geomfromgeojson($12), 4326), 25832)))`;

export class PostgisMirror {
  constructor(private readonly db: SqlDriver) {}

  /** Replaces the rows of a room's plan with what its document holds now; answers the row count. */
  async write(room: string, doc: Y.Doc): Promise<number> {
    const plan = readPlan(doc);
    return this.db.transaction(async (tx) => {
      await tx.query("delete from pilot_areas where room = $1", [room]);
      if (plan === null) return 0;
      let rows = 0;
      for (const variantId of plan.variantOrder) {
        const variant = plan.variants[variantId];
        if (variant === undefined) continue;
        for (const areaId of variant.areaOrder) {
          const area = variant.areas[areaId];
          const type = area?.geometry?.type;
          if (area === undefined || (type !== "Polygon" && type !== "MultiPolygon")) continue;
          await tx.query(INSERT_AREA, [
            room,
            plan.id,
            plan.name,
            variant.id,
            variant.name,
            area.id,
            area.name,
            area.fields ?? [],
            area.status,
            area.partners ?? [],
            area.updatedAt || null,
            JSON.stringify(area.geometry),
          ]);
          rows += 1;
        }
      }
      return rows;
    });
  }
}
