/**
 * `npm run bench:sync:instances`: the sync server as a city would run it, on loopback. For each
 * configuration (default: one PGlite instance, then 2 and 4 instances on one throwaway PostgreSQL and
 * Redis, started by tests/integration/server/services.ts) it starts the instances as processes, opens
 * `--rooms` rooms and connects `--clients` providers spread evenly over the rooms, each client on the
 * instances in turn (so every room spans instances and its edits cross Redis). Every client makes
 * `--rate` edits per second (default 1) for `--seconds`. Reports convergence, edit-to-visible latency
 * (p50/p95/max over every receiving client), store latency from each instance's /metrics
 * (append_update mean and p95 bucket), and CPU and peak memory per instance (/proc).
 *
 * Bounded: defaults 100 clients over 10 rooms for 30 s (this 2-core machine); `--full` is the issue's
 * 500 clients over 50 rooms for 120 s. `--instances 2,4` chooses the PostgreSQL runs, `--no-pglite`
 * skips the PGlite baseline. Not part of CI. Writes bench/results/sync-instances-latest.json.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import { parseMetrics } from "../../server/metrics.ts";
import { startPostgres, startRedis } from "../../tests/integration/server/services.ts";
import { type BenchClient, connectBenchClient, percentile, sleep, until } from "./bench-client.ts";

const args = process.argv.slice(2);
const full = args.includes("--full");
const option = (name: string, fallback: number, max: number) => {
  const index = args.indexOf(`--${name}`);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return Math.min(value, max);
};
const totalClients = Math.round(option("clients", full ? 500 : 100, 1000));
const rooms = Math.round(option("rooms", full ? 50 : 10, 200));
const seconds = option("seconds", full ? 120 : 30, 300);
const rate = option("rate", 1, 5);
const instanceCounts = (args[args.indexOf("--instances") + 1] ?? "")
  .split(",")
  .map(Number)
  .filter((n) => args.includes("--instances") && Number.isInteger(n) && n > 0 && n <= 8);
const postgresRuns = instanceCounts.length > 0 ? instanceCounts : [2, 4];
const withPglite = !args.includes("--no-pglite");

interface Instance {
  child: ChildProcess;
  url: string;
}

async function startInstance(env: Record<string, string>): Promise<Instance> {
  const data = mkdtempSync(join(tmpdir(), "pilotkarte-bench-instance-"));
  const dist = mkdtempSync(join(tmpdir(), "pilotkarte-bench-dist-"));
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "server/main.ts", "--port", "0", "--data", data, "--dist", dist],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += String(chunk).slice(0, 10_000);
  });
  child.stderr?.on("data", () => {});
  await until(() => /Pilotkarte: (http:\S+)\//.test(output) || child.exitCode !== null, 120_000, "start");
  const url = /Pilotkarte: (http:\S+)\//.exec(output)?.[1];
  if (!url) throw new Error(`instance did not start: ${output}`);
  return { child, url };
}

const stopInstance = (instance: Instance) =>
  new Promise<void>((resolve) => {
    if (instance.child.exitCode !== null) return resolve();
    const force = setTimeout(() => instance.child.kill("SIGKILL"), 30_000);
    instance.child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    instance.child.kill("SIGTERM");
  });

/** CPU seconds (user + system) and resident memory in MB of a process, from /proc. */
function processFigures(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return { cpuSeconds: (Number(stat[11]) + Number(stat[12])) / 100, rssMb: Number(rss) / 1024 };
}

/** Mean and the p95 bucket bound (ms) of append_update, from an instance's /metrics. */
async function storeLatency(url: string) {
  const values = parseMetrics(await (await fetch(`${url}/metrics`)).text());
  const series = 'pilotkarte_store_duration_seconds_count{operation="append_update"}';
  const count = values.get(series) ?? 0;
  const sum = values.get('pilotkarte_store_duration_seconds_sum{operation="append_update"}') ?? 0;
  const buckets = [...values]
    .filter(([key]) => key.startsWith('pilotkarte_store_duration_seconds_bucket{operation="append_update"'))
    .map(([key, value]) => ({ le: /le="([^"]+)"/.exec(key)?.[1] ?? "+Inf", value }));
  const p95 = buckets.find((bucket) => bucket.value >= 0.95 * count)?.le ?? "+Inf";
  return {
    appends: count,
    meanMs: count === 0 ? 0 : Math.round((sum / count) * 10_000) / 10,
    p95BucketMs: p95 === "+Inf" ? p95 : Number(p95) * 1000,
  };
}

async function runConfiguration(label: string, instances: Instance[]) {
  const latencies: number[] = [];
  let edits = 0;
  const connectClient = (wsUrl: string, room: string, token: string, id: string) =>
    connectBenchClient(wsUrl, room, token, id, (ms) => latencies.push(ms));
  const byRoom: BenchClient[][] = [];
  let next = 0;
  for (let r = 0; r < rooms; r += 1) {
    const response = await fetch(`${instances[0]?.url}/api/rooms`, { method: "POST" });
    const body = (await response.json()) as { room: string; links: { role: string; token: string }[] };
    const token = body.links.find((link) => link.role === "edit")?.token ?? "";
    const count = Math.floor(totalClients / rooms) + (r < totalClients % rooms ? 1 : 0);
    const clients: BenchClient[] = [];
    for (let c = 0; c < count; c += 1) {
      const instance = instances[next % instances.length] as Instance;
      next += 1;
      clients.push(
        await connectClient(`${instance.url.replace(/^http/, "ws")}/sync`, body.room, token, `${r}-${c}`),
      );
    }
    byRoom.push(clients);
  }
  const before = instances.map((instance) => processFigures(instance.child.pid ?? 0));
  const peak = before.map((figures) => figures.rssMb);
  const started = Date.now();
  const interval = 1000 / rate;
  const timers = byRoom.flatMap((clients, r) =>
    clients.map((client, c) => {
      let n = 0;
      const edit = () => {
        client.doc.getMap("edits").set(`${r}-${c}-${n}`, { at: Date.now(), from: `${r}-${c}` });
        n += 1;
        edits += 1;
      };
      const timer: { start: NodeJS.Timeout; ref?: NodeJS.Timeout } = {
        start: setTimeout(() => {
          edit();
          timer.ref = setInterval(edit, interval);
        }, Math.random() * interval),
      };
      return timer;
    }),
  );
  while (Date.now() - started < seconds * 1000) {
    await sleep(500);
    instances.forEach((instance, index) => {
      peak[index] = Math.max(peak[index] ?? 0, processFigures(instance.child.pid ?? 0).rssMb);
    });
  }
  for (const timer of timers) {
    clearTimeout(timer.start);
    if (timer.ref) clearInterval(timer.ref);
  }
  const all = byRoom.flat();
  const acknowledged = await until(
    () => all.every((client) => client.provider.unsyncedChanges === 0),
    60_000,
    "acks",
  )
    .then(() => true)
    .catch(() => false);
  const converged = await until(
    () =>
      byRoom.every((clients) => {
        const first = Y.encodeStateVector(clients[0]?.doc ?? new Y.Doc()).toString();
        return clients.every((client) => Y.encodeStateVector(client.doc).toString() === first);
      }),
    30_000,
    "convergence",
  )
    .then(() => true)
    .catch(() => false);
  const elapsed = (Date.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const perInstance = await Promise.all(
    instances.map(async (instance, index) => {
      const after = processFigures(instance.child.pid ?? 0);
      return {
        cpuPercent: Math.round(((after.cpuSeconds - (before[index]?.cpuSeconds ?? 0)) / elapsed) * 100),
        peakRssMb: Math.round(peak[index] ?? 0),
        store: await storeLatency(instance.url),
      };
    }),
  );
  for (const client of all) {
    client.provider.destroy();
    client.socket.destroy();
  }
  return {
    configuration: label,
    instances: instances.length,
    clients: totalClients,
    rooms,
    seconds,
    editsPerClientPerSecond: rate,
    edits,
    deliveries: latencies.length,
    latencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 },
    acknowledged,
    converged,
    perInstance,
  };
}

async function main() {
  const maxPerRoom = String(Math.ceil(totalClients / rooms) + 10);
  const results: unknown[] = [];
  if (withPglite) {
    const single = await startInstance({
      PILOTKARTE_MAX_CONNECTIONS_PER_ROOM: maxPerRoom,
      DATABASE_URL: "",
      REDIS_URL: "",
    });
    try {
      results.push(await runConfiguration("pglite × 1", [single]));
    } finally {
      await stopInstance(single);
    }
    console.log(JSON.stringify(results.at(-1), null, 2));
  }
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  try {
    for (const count of postgresRuns) {
      const env = {
        DATABASE_URL: await postgres.createDatabase(`bench_${count}_${Date.now()}`),
        REDIS_URL: redis.url,
        PILOTKARTE_SYNC_SECRET: randomBytes(32).toString("hex"),
        PILOTKARTE_MAX_CONNECTIONS_PER_ROOM: maxPerRoom,
      };
      // The first instance migrates the new database; the others start beside it.
      const first = await startInstance(env);
      const instances = [
        first,
        ...(await Promise.all(Array.from({ length: count - 1 }, () => startInstance(env)))),
      ];
      try {
        results.push(await runConfiguration(`postgres + redis × ${count}`, instances));
      } finally {
        await Promise.all(instances.map(stopInstance));
      }
      console.log(JSON.stringify(results.at(-1), null, 2));
    }
  } finally {
    await redis.stop();
    await postgres.stop();
  }
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/sync-instances-latest.json", `${JSON.stringify(results, null, 2)}\n`);
}

await main();
process.exit(0);
