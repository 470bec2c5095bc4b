/**
 * Runs inside MapLibre's own workers (loaded with `importScriptInWorkers`, see ImportedLayers.tsx), so
 * that an imported layer's features go from its Blob to MapLibre's tiler without passing through the
 * page. Two things stood in the way, each measured as a long main-thread task with a 50 MB layer:
 *
 * 1. MapLibre fetches only http(s) URLs in its workers and hands every other scheme (blob: included)
 *    to the page, which fetched, parsed and re-serialised the whole file (1.3 s of JavaScript). A
 *    request protocol fixes that: `pilotkarte-blob://` followed by the Blob URL is read right here.
 * 2. A GeoJSON source loaded from a URL sends all its parsed data back to the page afterwards, for
 *    `getData()` (a 1.5 s task to receive 2.3 million positions). Overlays never ask for it, so the
 *    worker's answer to "load data" drops it for this protocol's URLs. This wraps a handler of
 *    MapLibre's worker (`worker.actor.messageHandlers.LD`, maplibre-gl 6.17.0, pinned); should that ever
 *    be missing, layers still load, only with the slower hand-back. A unit test
 *    (tests/unit/map/overlay-protocol-guard.test.ts) reads MapLibre's worker bundle and fails when an
 *    update moves any of this.
 */
const OVERLAY_PROTOCOL = "pilotkarte-blob";

interface RequestParameters {
  url: string;
}

type Handler = (mapId: string | number, params: unknown, abort?: AbortController) => Promise<unknown>;

interface MapLibreWorkerScope {
  addProtocol?: (
    name: string,
    load: (request: RequestParameters, abort: AbortController) => Promise<{ data: unknown }>,
  ) => void;
  worker?: { actor?: { messageHandlers?: Record<string, Handler> } };
}

const scope = globalThis as unknown as MapLibreWorkerScope;
const prefix = `${OVERLAY_PROTOCOL}://`;

scope.addProtocol?.(OVERLAY_PROTOCOL, async (request, abort) => {
  const response = await fetch(request.url.slice(prefix.length), { signal: abort.signal });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return { data: await response.json() };
});

const handlers = scope.worker?.actor?.messageHandlers;
const loadData = handlers?.LD;
if (handlers && loadData) {
  handlers.LD = async (mapId, params, abort) => {
    const result = await loadData(mapId, params, abort);
    const url = (params as { request?: { url?: unknown } } | undefined)?.request?.url;
    if (typeof url === "string" && url.startsWith(prefix) && result && typeof result === "object")
      delete (result as { data?: unknown }).data;
    return result;
  };
}
