/**
 * Runs inside MapLibre's own workers (loaded with `importScriptInWorkers`, see ImportedLayers.tsx): a
 * request protocol that reads an overlay's Blob URL right there. MapLibre fetches only http(s) URLs in
 * its workers and hands every other scheme to the page, which would fetch, parse and then re-serialise
 * the whole file on the main thread (1.3 s for a 50 MB layer). With this protocol a layer's features go
 * from the Blob to MapLibre's tiler without passing through the page.
 *
 * URL form: `pilotkarte-blob://` followed by the Blob URL (`blob:https://…/uuid`).
 */
const OVERLAY_PROTOCOL = "pilotkarte-blob";

interface RequestParameters {
  url: string;
}

interface MapLibreWorkerScope {
  addProtocol?: (
    name: string,
    load: (request: RequestParameters, abort: AbortController) => Promise<{ data: unknown }>,
  ) => void;
}

const scope = globalThis as unknown as MapLibreWorkerScope;
scope.addProtocol?.(OVERLAY_PROTOCOL, async (request, abort) => {
  const response = await fetch(request.url.slice(`${OVERLAY_PROTOCOL}://`.length), {
    signal: abort.signal,
  });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return { data: await response.json() };
});
