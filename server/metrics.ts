/**
 * The server's metrics in Prometheus' text exposition format (version 0.0.4), written by hand: a few
 * counters, gauges read at scrape time, and one histogram. Served at `/metrics` (operations.ts); the
 * names are listed in docs/shared-plans-server.md ("Operations").
 */

type Labels = Record<string, string>;

/** Store latency buckets, in seconds (1 ms to 5 s). */
const STORE_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

const escapeLabel = (value: string) =>
  value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return "";
  return `{${entries.map(([key, value]) => `${key}="${escapeLabel(value)}"`).join(",")}}`;
}

const keyOf = (labels: Labels) => JSON.stringify(Object.entries(labels).sort());

class Counter {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    initial: Labels[] = [],
  ) {
    for (const labels of initial) this.values.set(keyOf(labels), { labels, value: 0 });
  }

  inc(labels: Labels = {}, by = 1): void {
    const key = keyOf(labels);
    const entry = this.values.get(key) ?? { labels, value: 0 };
    entry.value += by;
    this.values.set(key, entry);
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, value } of this.values.values())
      lines.push(`${this.name}${labelText(labels)} ${value}`);
    return lines;
  }
}

class Histogram {
  private readonly series = new Map<
    string,
    { labels: Labels; counts: number[]; sum: number; count: number }
  >();
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly buckets: readonly number[],
  ) {}

  observe(labels: Labels, value: number): void {
    const key = keyOf(labels);
    const entry = this.series.get(key) ?? { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
    this.buckets.forEach((bound, index) => {
      if (value <= bound) entry.counts[index] = (entry.counts[index] ?? 0) + 1;
    });
    entry.sum += value;
    entry.count += 1;
    this.series.set(key, entry);
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const { labels, counts, sum, count } of this.series.values()) {
      this.buckets.forEach((bound, index) => {
        lines.push(`${this.name}_bucket${labelText({ ...labels, le: String(bound) })} ${counts[index]}`);
      });
      lines.push(`${this.name}_bucket${labelText({ ...labels, le: "+Inf" })} ${count}`);
      lines.push(`${this.name}_sum${labelText(labels)} ${sum}`);
      lines.push(`${this.name}_count${labelText(labels)} ${count}`);
    }
    return lines;
  }
}

/** Why an update was refused (the label `reason` of pilotkarte_updates_refused_total). */
export type RefusalReason = "read-only" | "message-too-big" | "document-too-big" | "undecodable";
export type StoreOperation = "append_update" | "compact" | "load";

/** Values read when scraped (gauges). */
export interface LiveValues {
  roomsLoaded: () => number;
  connections: () => number;
}

export class Metrics {
  readonly updatesAccepted = new Counter(
    "pilotkarte_updates_accepted_total",
    "Document updates stored and applied (rate() gives updates per second).",
  );
  readonly updatesRefused = new Counter(
    "pilotkarte_updates_refused_total",
    "Document updates refused, by reason.",
    (["read-only", "message-too-big", "document-too-big", "undecodable"] as const).map((reason) => ({
      reason,
    })),
  );
  readonly connectionsRefused = new Counter(
    "pilotkarte_connections_refused_total",
    "Connections refused at authentication or because the room was full.",
  );
  readonly storeErrors = new Counter(
    "pilotkarte_store_errors_total",
    "Store operations that failed (the database did not answer), by operation.",
    [{ operation: "append_update" }, { operation: "compact" }],
  );
  readonly storeSeconds = new Histogram(
    "pilotkarte_store_duration_seconds",
    "Duration of store operations (append_update before an acknowledgement, compact, load).",
    STORE_BUCKETS,
  );
  private live: LiveValues = { roomsLoaded: () => 0, connections: () => 0 };

  /** Where the gauges come from (the Hocuspocus instance, once it exists). */
  observe(live: LiveValues): void {
    this.live = live;
  }

  /** Measures `work` as one store operation (also when it fails). */
  async timeStore<T>(operation: StoreOperation, work: () => Promise<T>): Promise<T> {
    const start = process.hrtime.bigint();
    try {
      return await work();
    } finally {
      this.storeSeconds.observe({ operation }, Number(process.hrtime.bigint() - start) / 1e9);
    }
  }

  /** The exposition text (Content-Type: text/plain; version=0.0.4). */
  render(): string {
    const memory = process.memoryUsage();
    const gauge = (name: string, help: string, value: number) => [
      `# HELP ${name} ${help}`,
      `# TYPE ${name} gauge`,
      `${name} ${value}`,
    ];
    return `${[
      ...gauge(
        "pilotkarte_rooms_loaded",
        "Documents (plans, proposals) loaded in this instance.",
        this.live.roomsLoaded(),
      ),
      ...gauge("pilotkarte_connections", "Open sync connections to this instance.", this.live.connections()),
      ...this.updatesAccepted.render(),
      ...this.updatesRefused.render(),
      ...this.connectionsRefused.render(),
      ...this.storeErrors.render(),
      ...this.storeSeconds.render(),
      ...gauge("process_resident_memory_bytes", "Resident memory of the process.", memory.rss),
      ...gauge("nodejs_heap_used_bytes", "V8 heap in use.", memory.heapUsed),
      ...gauge(
        "nodejs_external_memory_bytes",
        "Memory outside the V8 heap (buffers, WebAssembly).",
        memory.external,
      ),
      ...gauge("process_uptime_seconds", "Seconds since the process started.", process.uptime()),
    ].join("\n")}\n`;
  }
}

/** Parses exposition text into `name{labels} -> value` (tests, and the bench). */
export function parseMetrics(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (!match?.[1] || match[2] === undefined) throw new Error(`not a metrics line: ${line}`);
    values.set(match[1], Number(match[2]));
  }
  return values;
}
