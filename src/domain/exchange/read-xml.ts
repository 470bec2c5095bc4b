/**
 * Reading KML and GPX with @tmcw/togeojson over @xmldom/xmldom (a worker has no DOMParser). Both are
 * WGS84 by definition. Styling properties are left out; names and descriptions are kept as text.
 * A document type declaration (DTD) is refused before parsing ({@link hasDoctype}): KML and GPX never
 * need one, and one can declare entities that expand a few bytes into gigabytes or read other files.
 * GPX tracks and routes are lines: the import takes a closed one as an area and drops an open one;
 * waypoints become points.
 */
import { gpx, kml } from "@tmcw/togeojson";
import { DOMParser } from "@xmldom/xmldom";
import type { RawFeature } from "./collect-import.ts";
import type { ReaderResult } from "./reader-result.ts";
import { WGS84_SOURCE } from "./reproject.ts";

/** Properties that only style the map in Google Earth or come from togeojson's bookkeeping. */
const STYLE_KEYS =
  /^(styleUrl|styleHash|styleMapHash|stroke|stroke-opacity|stroke-width|fill|fill-opacity|icon|icon-.*|label-.*|visibility|_gpxType|coordinateProperties|@geometry-type)$/;

/** The root element's name of an XML text ("kml", "gpx", ...), lower case, or null. */
export function xmlRootName(text: string): string | null {
  const match =
    /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(
      text,
    );
  return match?.[2]?.toLowerCase() ?? null;
}

/** Whether an XML text declares a document type (`<!DOCTYPE`) before its root element. */
export function hasDoctype(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<\?[\s\S]*?\?>\s*)*<!DOCTYPE/i.test(text);
}

function parseXml(text: string): Document | null {
  try {
    const doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level === "fatalError") throw new Error(message);
      },
    }).parseFromString(text, "text/xml");
    return doc as unknown as Document;
  } catch {
    return null;
  }
}

function rawFeatures(collection: {
  features: { geometry: unknown; properties: Record<string, unknown> | null }[];
}): RawFeature[] {
  return collection.features.map((f) => ({
    geometry: f.geometry,
    properties: Object.fromEntries(
      Object.entries(f.properties ?? {}).filter(([key]) => !STYLE_KEYS.test(key)),
    ),
  }));
}

/** Reads a KML document. */
export function readKml(text: string): ReaderResult {
  if (hasDoctype(text)) return { ok: false, problem: { code: "xml-doctype" } };
  const doc = parseXml(text);
  if (doc === null) return { ok: false, problem: { code: "invalid-xml" } };
  return { ok: true, features: rawFeatures(kml(doc) as never), crs: WGS84_SOURCE };
}

/** Reads a GPX document. */
export function readGpx(text: string): ReaderResult {
  if (hasDoctype(text)) return { ok: false, problem: { code: "xml-doctype" } };
  const doc = parseXml(text);
  if (doc === null) return { ok: false, problem: { code: "invalid-xml" } };
  return { ok: true, features: rawFeatures(gpx(doc) as never), crs: WGS84_SOURCE };
}
