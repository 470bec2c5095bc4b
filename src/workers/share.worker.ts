/**
 * The share link worker: reads a link (inflate, checks, geometry repair) off the main thread. A link
 * is small, but what it unpacks to need not be: a 772-character link can carry a 20,000-vertex
 * self-crossing ring, and repairing that on the page froze the tab for most of a minute. Here it can
 * take as long as it takes; the page stops the worker after a few seconds
 * (`src/ui/share/share-link-client.ts`) and keeps answering all the while.
 */
import { expose } from "comlink";
import { decodeShareLink } from "../domain/share/decode-share-link.ts";

const api = {
  /** See `decodeShareLink`. */
  decode(link: string) {
    return decodeShareLink(link);
  },
};

export type ShareWorkerApi = typeof api;

expose(api);
