/**
 * What both sync load benches (sync-load.ts, multi-instance.ts) share: waiting for a condition, a
 * percentile, and a Hocuspocus client that reports the edit-to-visible latency of every edit another
 * client made (edits are entries `{ at, from }` in the doc's `edits` map).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(check: () => boolean, ms: number, what: string) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);

export interface BenchClient {
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  doc: Y.Doc;
}

/** A client of `room` that calls `onLatency` for every other client's edit it sees; resolves once synced. */
export async function connectBenchClient(
  wsUrl: string,
  room: string,
  token: string,
  id: string,
  onLatency: (ms: number) => void,
  onDoc: (doc: Y.Doc) => void = () => {},
): Promise<BenchClient> {
  const doc = new Y.Doc();
  onDoc(doc);
  const socket = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc, token });
  provider.attach();
  const edits = doc.getMap<{ at: number; from: string }>("edits");
  edits.observe((event) => {
    if (event.transaction.local) return;
    const now = Date.now();
    for (const key of event.keysChanged) {
      const value = edits.get(key);
      if (value && value.from !== id) onLatency(now - value.at);
    }
  });
  await until(() => provider.isSynced, 60_000, `sync of ${id}`);
  return { provider, socket, doc };
}
