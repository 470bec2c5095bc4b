/**
 * The hand-written Prometheus exposition (metrics.ts) and the log lines' redaction (logger.ts).
 */
import { describe, expect, it } from "vitest";
import { logLine } from "../../../server/logger.ts";
import { Metrics, parseMetrics } from "../../../server/metrics.ts";

describe("metrics", () => {
  it("render counters, gauges and a cumulative histogram that parse back", async () => {
    const metrics = new Metrics();
    metrics.observe({ roomsLoaded: () => 3, connections: () => 7 });
    metrics.updatesAccepted.inc();
    metrics.updatesAccepted.inc();
    metrics.updatesRefused.inc({ reason: "read-only" });
    metrics.connectionsRefused.inc({ reason: 'odd "reason"\\n' });
    await metrics.timeStore("compact", async () => {});
    await expect(
      metrics.timeStore("append_update", async () => {
        throw new Error("database away");
      }),
    ).rejects.toThrow("database away");
    const text = metrics.render();
    expect(text).toContain("# TYPE pilotkarte_store_duration_seconds histogram");
    const values = parseMetrics(text);
    expect(values.get("pilotkarte_rooms_loaded")).toBe(3);
    expect(values.get("pilotkarte_connections")).toBe(7);
    expect(values.get("pilotkarte_updates_accepted_total")).toBe(2);
    expect(values.get('pilotkarte_updates_refused_total{reason="read-only"}')).toBe(1);
    expect(values.get('pilotkarte_updates_refused_total{reason="undecodable"}')).toBe(0);
    expect(values.get('pilotkarte_connections_refused_total{reason="odd \\"reason\\"\\\\n"}')).toBe(1);
    // A failed operation is measured too.
    expect(values.get('pilotkarte_store_duration_seconds_count{operation="append_update"}')).toBe(1);
    const buckets = [...values]
      .filter(([key]) => key.startsWith('pilotkarte_store_duration_seconds_bucket{operation="compact"'))
      .map(([, value]) => value);
    expect(buckets.length).toBe(13);
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    expect(buckets.at(-1)).toBe(1);
  });

  it("refuse to parse a line that is not exposition text", () => {
    expect(() => parseMetrics("pilotkarte_x 1\nnot a metric line here\n")).toThrow(/not a metrics line/);
  });
});

describe("log lines", () => {
  it("are one JSON object with time, level and message, and keep secrets out", () => {
    const line = logLine("warn", "connection refused", {
      documentName: "room-1",
      token: "v1.abc.def",
      adminToken: "s3cr3t",
      Authorization: "Bearer xyz",
      error: "connect to postgres://pilot:hunter2@db.internal:5432/pilotkarte failed",
    });
    expect(line).not.toContain("\n");
    const entry = JSON.parse(line) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: "warn", message: "connection refused", documentName: "room-1" });
    expect(Number.isNaN(Date.parse(String(entry.time)))).toBe(false);
    for (const secret of ["v1.abc.def", "s3cr3t", "xyz", "hunter2"]) expect(line).not.toContain(secret);
    expect(entry.error).toBe("connect to postgres://pilot:***@db.internal:5432/pilotkarte failed");
  });
});
