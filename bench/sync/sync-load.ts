/**
 * `npm run bench:sync`: a load test of the sync server on loopback. Starts `server/main.ts` as a
 * process of its own (temporary data folder, ephemeral port), opens one room per `--rooms`, connects
 * `--clients` Hocuspocus providers to each (Node, `ws`), and lets every client make `--rate` edits per
 * second for `--seconds`. Reports edit-to-visible latency (p50, p95, max over every receiving client),
 * the server's CPU time and peak memory (from /proc), the Yjs bytes per edit, and whether every
 * client of a room ended with the identical document.
 *
 * Bounded by design: defaults are small (1 room × 10 clients × 2 edits/s × 10 s); the runs are
 * `--clients 50 --seconds 60` and `--rooms 200 --clients 10`. Writes bench/results/sync-load-latest.json.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import { type BenchClient, connectBenchClient, percentile, sleep, until } from "./bench-client.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const rooms = Math.min(option("rooms", 1), 500);
const clientsPerRoom = Math.min(option("clients", 10), 200);
const rate = Math.min(option("rate", 2), 20);
const seconds = Math.min(option("seconds", 10), 300);

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const data = mkdtempSync(join(tmpdir(), "pilotkarte-bench-sync-"));
  const dist = mkdtempSync(join(tmpdir(), "pilotkarte-bench-dist-"));
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "server/main.ts", "--port", "0", "--data", data, "--dist", dist],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PILOTKARTE_MAX_CONNECTIONS_PER_ROOM: String(clientsPerRoom + 10) },
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on("data", () => {});
  await until(
    () => /Pilotkarte: (http:\S+)\//.test(output) || child.exitCode !== null,
    120_000,
    "server start",
  );
  const url = /Pilotkarte: (http:\S+)\//.exec(output)?.[1];
  if (!url) throw new Error(`server did not start: ${output}`);
  return { child, url };
}

/** CPU seconds (user + system) and resident memory in MB of a process, from /proc. */
function processFigures(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return { cpuSeconds: ticks / 100, rssMb: Number(rss) / 1024 };
}

const latencies: number[] = [];
let editBytes = 0;
let edits = 0;

function connectClient(wsUrl: string, room: string, token: string, id: string): Promise<BenchClient> {
  return connectBenchClient(
    wsUrl,
    room,
    token,
    id,
    (ms) => latencies.push(ms),
    (doc) =>
      doc.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin === "bench") editBytes += update.length;
      }),
  );
}

async function main() {
  const server = await startServer();
  const wsUrl = `${server.url.replace(/^http/, "ws")}/sync`;
  const clientsByRoom: BenchClient[][] = [];
  try {
    for (let r = 0; r < rooms; r += 1) {
      const response = await fetch(`${server.url}/api/rooms`, { method: "POST" });
      const body = (await response.json()) as { room: string; links: { role: string; token: string }[] };
      const token = body.links.find((link) => link.role === "edit")?.token ?? "";
      const clients: BenchClient[] = [];
      for (let c = 0; c < clientsPerRoom; c += 1)
        clients.push(await connectClient(wsUrl, body.room, token, `${r}-${c}`));
      clientsByRoom.push(clients);
    }
    const before = processFigures(server.child.pid ?? 0);
    let peakRss = before.rssMb;
    const started = Date.now();
    const timers = clientsByRoom.flatMap((clients, r) =>
      clients.map((client, c) => {
        let n = 0;
        // Spread the clients' edits over the interval.
        const interval = 1000 / rate;
        const edit = () => {
          client.doc.transact(() => {
            client.doc.getMap("edits").set(`${r}-${c}-${n}`, { at: Date.now(), from: `${r}-${c}` });
          }, "bench");
          n += 1;
          edits += 1;
        };
        const start = setTimeout(() => {
          edit();
          timer.ref = setInterval(edit, interval);
        }, Math.random() * interval);
        const timer: { ref?: NodeJS.Timeout; start: NodeJS.Timeout } = { start };
        return timer;
      }),
    );
    while (Date.now() - started < seconds * 1000) {
      await sleep(500);
      peakRss = Math.max(peakRss, processFigures(server.child.pid ?? 0).rssMb);
    }
    for (const timer of timers) {
      clearTimeout(timer.start);
      if (timer.ref) clearInterval(timer.ref);
    }
    const all = clientsByRoom.flat();
    await until(
      () => all.every((client) => client.provider.unsyncedChanges === 0),
      60_000,
      "acknowledgements",
    );
    // Converged: every client of a room holds the identical document.
    let converged = true;
    await until(
      () =>
        clientsByRoom.every((clients) => {
          const first = Y.encodeStateVector(clients[0]?.doc ?? new Y.Doc()).toString();
          return clients.every((client) => Y.encodeStateVector(client.doc).toString() === first);
        }),
      30_000,
      "convergence",
    ).catch(() => {
      converged = false;
    });
    const after = processFigures(server.child.pid ?? 0);
    const elapsed = (Date.now() - started) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    const result = {
      rooms,
      clientsPerRoom,
      editsPerClientPerSecond: rate,
      seconds,
      edits,
      deliveries: latencies.length,
      latencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 },
      serverCpuPercent: Math.round(((after.cpuSeconds - before.cpuSeconds) / elapsed) * 100),
      serverPeakRssMb: Math.round(peakRss),
      yjsBytesPerEdit: edits === 0 ? 0 : Math.round(editBytes / edits),
      converged,
    };
    console.log(JSON.stringify(result, null, 2));
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/sync-load-latest.json", `${JSON.stringify(result, null, 2)}\n`);
    for (const client of all) {
      client.provider.destroy();
      client.socket.destroy();
    }
  } finally {
    server.child.kill("SIGTERM");
  }
}

await main();
process.exit(0);
