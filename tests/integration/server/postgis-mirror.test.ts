/**
 * The PostGIS mirror on a real PostgreSQL 15 with PostGIS 3 (a throwaway cluster, services.ts): a
 * shared plan edited through the server appears as rows of `pilot_areas` in EPSG:25832 (checked with
 * GDAL's ogrinfo, as a GIS would read it), follows renames and deletions, has a WGS 84 view, and a
 * role that may only read it. The mirror's migrations run up and down.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../server/migrations.ts";
import { openPostgres } from "../../../server/sql-driver.ts";
import { asAreaId, asVariantId } from "../../../src/domain/model/ids.ts";
import { applyChangeSetToDoc, writePlan } from "../../../src/domain/sync/plan-ydoc.ts";
import { samplePlan } from "../../unit/domain/changes/plan-fixtures.ts";
import {
  acknowledged,
  type Client,
  connect,
  createRoom,
  fakeDist,
  startTestServer,
  type TestServer,
  tempFolder,
} from "./server-harness.ts";
import { type Postgres, startPostgres } from "./services.ts";

const run = promisify(execFile);
let postgres: Postgres;
let databaseUrl: string;
let server: TestServer;
let db: pg.Client;
const clients: Client[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
  databaseUrl = await postgres.createDatabase("mirror");
  server = await startTestServer(tempFolder("mirror-data"), fakeDist(), {}, { databaseUrl });
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
}, 120_000);

afterAll(async () => {
  for (const each of clients) each.close();
  await db?.end();
  await server?.close();
  await postgres?.stop();
}, 60_000);

/** Polls a query until `check` holds for its rows (at most 20 s, 50 ms apart). */
async function eventually<Row>(
  sql: string,
  params: unknown[],
  check: (rows: Row[]) => boolean,
): Promise<Row[]> {
  let rows: Row[] = [];
  for (let attempt = 0; attempt < 400; attempt += 1) {
    rows = (await db.query(sql, params)).rows as Row[];
    if (check(rows)) return rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${sql} never held; last rows: ${JSON.stringify(rows)}`);
}

/** `ogrinfo -so` of one layer of the test database. */
async function ogrinfo(layer: string): Promise<string> {
  const { hostname, port, pathname, username } = new URL(databaseUrl);
  const source = `PG:host=${hostname} port=${port} dbname=${pathname.slice(1)} user=${username}`;
  const { stdout } = await run("ogrinfo", ["-ro", "-so", source, layer]);
  return stdout;
}

describe("the PostGIS mirror", () => {
  it("holds the areas of a shared plan in EPSG:25832, follows edits, and reads in GDAL", async () => {
    const room = await createRoom(server);
    const editor = await connect(server.wsUrl, room.room, room.links.edit.token);
    clients.push(editor);
    writePlan(editor.doc, samplePlan());
    await acknowledged(editor);

    const rows = await eventually<{ variant_id: string; area_id: string; x: number; y: number }>(
      `select variant_id, area_id, st_x(st_centroid(geom)) as x, st_y(st_centroid(geom)) as y
       from pilot_areas where room = $1 order by variant_id, area_id`,
      [room.room],
      (found) => found.length === 4,
    );
    expect(rows.map((row) => `${row.variant_id}/${row.area_id}`)).toEqual([
      "v1/a1",
      "v1/a2",
      "v1/a3",
      "v2/b1",
    ]);
    // Dortmund in UTM zone 32N: about 390,000 m east, 5,710,000 m north.
    for (const row of rows) {
      expect(row.x).toBeGreaterThan(380_000);
      expect(row.x).toBeLessThan(410_000);
      expect(row.y).toBeGreaterThan(5_700_000);
      expect(row.y).toBeLessThan(5_720_000);
    }

    const table = await ogrinfo("pilot_areas");
    expect(table).toMatch(/Feature Count: 4\b/);
    expect(table).toMatch(/ID\["EPSG",25832\]\]\s*$/m);
    expect(table).toMatch(/Geometry: Multi Polygon/);
    const view = await ogrinfo("pilot_areas_wgs84");
    expect(view).toMatch(/Feature Count: 4\b/);
    expect(view).toMatch(/ID\["EPSG",4326\]\]\s*$/m);

    const v1 = asVariantId("v1");
    applyChangeSetToDoc(editor.doc, {
      label: "edit",
      changes: [
        { type: "area/patch", variantId: v1, areaId: asAreaId("a1"), patch: { name: "Hafen Nord" } },
        { type: "area/delete", variantId: v1, areaId: asAreaId("a2") },
      ],
    });
    await acknowledged(editor);
    const after = await eventually<{ area_id: string; name: string }>(
      "select area_id, name from pilot_areas where room = $1 order by variant_id, area_id",
      [room.room],
      (found) => found.length === 3,
    );
    expect(after.find((row) => row.area_id === "a1")?.name).toBe("Hafen Nord");
    expect(after.some((row) => row.area_id === "a2")).toBe(false);
    expect(await ogrinfo("pilot_areas")).toMatch(/Feature Count: 3\b/);
  });

  it("has a role that reads the mirror and may not change it", async () => {
    await db.query("set role pilotkarte_reader");
    try {
      const { rows } = await db.query("select count(*)::int as n from pilot_areas_wgs84");
      expect(rows[0].n).toBeGreaterThan(0);
      await expect(db.query("delete from pilot_areas")).rejects.toThrow(/permission denied/);
      await expect(db.query("select count(*) from documents")).rejects.toThrow(/permission denied/);
    } finally {
      await db.query("reset role");
    }
  });

  it("migrates up and down", async () => {
    const driver = await openPostgres(await postgres.createDatabase("mirror_migrations"), () => {});
    try {
      await migrate(driver.migrationTarget, "up");
      const mirrorTables = () =>
        driver.query<{ name: string }>(
          `select table_name as name from information_schema.tables
           where table_schema = 'public' and table_name like 'pilot_areas%' order by 1`,
        );
      expect(await migrate(driver.migrationTarget, "up", undefined, "postgis")).toEqual([
        "1765000100000_pilot-areas-mirror",
      ]);
      expect(await mirrorTables()).toEqual([{ name: "pilot_areas" }, { name: "pilot_areas_wgs84" }]);
      expect(await migrate(driver.migrationTarget, "down", undefined, "postgis")).toEqual([
        "1765000100000_pilot-areas-mirror",
      ]);
      expect(await mirrorTables()).toEqual([]);
      expect(await driver.query("select extname from pg_extension where extname = 'postgis'")).toEqual([]);
      expect(await migrate(driver.migrationTarget, "up", undefined, "postgis")).toHaveLength(1);
      expect(await mirrorTables()).toHaveLength(2);
    } finally {
      await driver.close();
    }
  });
});
