/**
 * Reads a coordinate the planner typed: WGS84 degrees ("51,5136 7,4653", "51.5136, 7.4653",
 * "51°30'49\"N 7°27'55\"E", "7,4653 51,5136" when the order is clear for Dortmund) or EPSG:25832 metres
 * ("393000 5709000", "32U 393000 5709000", "E 393.000,5 N 5.709.000"), with German decimal commas and
 * thousands dots. Returns longitude/latitude or a problem code the UI words; never throws.
 */
import proj4 from "proj4";
import { KNOWN_CRS } from "../exchange/crs.ts";

/**
 * Why a text is not a coordinate: nothing typed; not two numbers (or labelled numbers); degrees beyond
 * ±90/±180, minutes or seconds of 60 or more, or metres outside UTM zone 32; two readings possible
 * (the order of the numbers, or a comma that may be a decimal comma).
 */
export const COORDINATE_PROBLEMS = ["empty", "unreadable", "out-of-range", "ambiguous"] as const;
export type CoordinateProblem = (typeof COORDINATE_PROBLEMS)[number];

export type ParsedCoordinate =
  | {
      ok: true;
      lon: number;
      lat: number;
      /** The system the planner typed in. */
      crs: "EPSG:4326" | "EPSG:25832";
      /** The point is readable but lies outside the Dortmund area: worth a second look. */
      warning?: "outside-dortmund";
    }
  | { ok: false; problem: CoordinateProblem };

/** Around the city of Dortmund (its boundary box plus a margin): no "outside" warning inside. */
const DORTMUND = { west: 7.25, south: 51.36, east: 7.7, north: 51.65 };
/** Where the order of two bare numbers is read as Dortmund-like (latitude ~51.5, longitude ~7.5). */
const REGION = { west: 5.5, south: 50.0, east: 9.5, north: 53.0 };
/** EPSG:25832 eastings and northings that exist in UTM zone 32 (north). */
const UTM_EASTING = [100_000, 900_000] as const;
const UTM_NORTHING = [0, 9_400_000] as const;

const toWgs84 = proj4(KNOWN_CRS.get(25832)?.proj4 as string, KNOWN_CRS.get(4326)?.proj4 as string);

type Axis = "lat" | "lon" | "northing" | "easting";

interface Part {
  /** The number as typed (degrees, or metres). */
  raw: string;
  minutes?: string;
  seconds?: string;
  /** Typed with a degree sign. */
  degreeSign?: boolean;
  /** Hemisphere or axis letter: N S E W O (Ost) R (Rechtswert) H (Hochwert). */
  letter?: string;
}

// German thousands dots ("5.709.000", "393.000,5") only when nothing number-like follows: in
// "51.513,7.465" the comma separates two English decimals.
const NUMBER = String.raw`-?(?:\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?![.,]?\d)|\d{1,3}(?:\.\d{3})+,\d+(?![.,]?\d)|\d+(?:[.,]\d+)?)`;
const DMS = String.raw`(?:\s*°\s*(?:(\d+(?:[.,]\d+)?)\s*'\s*)?(?:(\d+(?:[.,]\d+)?)\s*"\s*)?)?`;
/** A leading letter ("E 393.000,5 N 5.709.000", "N 51° 30' E 7° 27'"). */
const LEADING = new RegExp(String.raw`([NSEWORH])\s*[:=]?\s*(${NUMBER})${DMS}`, "g");
/** A trailing hemisphere letter ("51°30'49"N 7°27'55"E", "51,5 N 7,4 O") or none. */
const TRAILING = new RegExp(String.raw`(${NUMBER})${DMS}\s*([NSEWO](?![A-Z]))?`, "g");

/** Tidies typographic variants and pulls out system hints; null when another UTM zone is named. */
function normalise(input: string): { text: string; hint: "utm" | "wgs" | null } | null {
  let text = ` ${input.toUpperCase()} `
    .replace(/[′’‘´`]/g, "'")
    .replace(/[″”“]|''/g, '"')
    .replace(/[º˚]/g, "°")
    .replace(/[−–]/g, "-")
    .replace(/\bDEG\b/g, "°");
  let hint: "utm" | "wgs" | null = null;
  const utm = /EPSG\s*:?\s*25832|\bETRS\s*89\b|\bUTM\b|\bZONE\b/g;
  if (utm.test(text)) hint = "utm";
  text = text.replace(utm, " ");
  // A zone ("32U", "32N") stands before an easting of at least three digits; "51N 7E" is no zone.
  const zone = /(^|[\s,;])(\d{2})([UN])(?=\s+\d{3})/.exec(text);
  if (zone) {
    if (zone[2] !== "32") return null;
    hint = "utm";
    text = text.replace(zone[0], zone[1] ?? " ");
  }
  const wgs = /EPSG\s*:?\s*4326|\bWGS\s*84\b/g;
  if (wgs.test(text)) hint = hint ?? "wgs";
  text = text.replace(wgs, " ");
  // "Ost"/"Nord"/"East"/"North" and German "Rechtswert"/"Hochwert" as their letters.
  text = text
    .replace(/\b(NORD|NORTH|HOCHWERT|NORTHING)\b/g, "N")
    .replace(/\b(OST|EAST|RECHTSWERT|EASTING)\b/g, "E")
    .replace(/\b(SÜD|SUED|SOUTH)\b/g, "S")
    .replace(/\b(WEST)\b/g, "W");
  return { text: text.trim(), hint };
}

/** The parts of the text, or null when something other than separators is left over. */
function split(text: string): Part[] | null {
  const leading = /^[NSEWORH](?![A-Z])/.test(text);
  const pattern = leading ? LEADING : TRAILING;
  const parts: Part[] = [];
  let rest = "";
  let last = 0;
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) {
    rest += text.slice(last, m.index);
    last = (m.index ?? 0) + m[0].length;
    const part: Part = leading
      ? { raw: m[2] ?? "", letter: m[1] }
      : { raw: m[1] ?? "", ...(m[4] ? { letter: m[4] } : {}) };
    const minutes = leading ? m[3] : m[2];
    const seconds = leading ? m[4] : m[3];
    if (minutes !== undefined) part.minutes = minutes;
    if (seconds !== undefined) part.seconds = seconds;
    if (m[0].includes("°")) part.degreeSign = true;
    parts.push(part);
  }
  rest += text.slice(last);
  if (!/^[\s,;/|]*$/.test(rest)) return null;
  return parts;
}

/**
 * A typed number: a comma is the decimal comma; dots in groups of three are thousands separators when
 * `thousands` is set (metres), otherwise a single dot is a decimal point.
 */
function numberOf(raw: string, thousands: boolean): number {
  let s = raw;
  const dots = (s.match(/\./g) ?? []).length;
  if (s.includes(",")) s = s.replace(/\./g, "").replace(",", ".");
  else if (dots > 1 || (thousands && /^-?\d{1,3}(\.\d{3})+$/.test(s))) s = s.replace(/\./g, "");
  return Number(s);
}

function degreesOf(part: Part): number | null {
  const degrees = numberOf(part.raw, false);
  if (part.minutes === undefined) return degrees;
  const minutes = numberOf(part.minutes, false);
  const seconds = part.seconds === undefined ? 0 : numberOf(part.seconds, false);
  if (minutes >= 60 || seconds >= 60 || !Number.isInteger(degrees)) return null;
  const value = Math.abs(degrees) + minutes / 60 + seconds / 3600;
  return degrees < 0 ? -value : value;
}

function axisOf(letter: string | undefined, metric: boolean): Axis | null {
  if (letter === undefined) return null;
  if (letter === "N" || letter === "S" || letter === "H") return metric ? "northing" : "lat";
  return metric ? "easting" : "lon";
}

const inBox = (lon: number, lat: number, box: typeof DORTMUND) =>
  lon >= box.west && lon <= box.east && lat >= box.south && lat <= box.north;

function result(lon: number, lat: number, crs: "EPSG:4326" | "EPSG:25832"): ParsedCoordinate {
  const found: ParsedCoordinate = { ok: true, lon, lat, crs };
  if (!inBox(lon, lat, DORTMUND)) found.warning = "outside-dortmund";
  return found;
}

function fromMetres(parts: [Part, Part]): ParsedCoordinate {
  const [a, b] = parts.map((p) => numberOf(p.raw, true)) as [number, number];
  const axes = parts.map((p) => axisOf(p.letter, true));
  let easting: number;
  let northing: number;
  if (axes[0] === "northing" || axes[1] === "easting") {
    if (axes[0] === axes[1]) return { ok: false, problem: "ambiguous" };
    [easting, northing] = [b, a];
  } else if (axes[0] === "easting" || axes[1] === "northing") {
    if (axes[0] === axes[1]) return { ok: false, problem: "ambiguous" };
    [easting, northing] = [a, b];
  } else {
    // In zone 32 an easting is below 1,000 km and a northing in Germany above 5,000 km: the larger
    // number is the northing, whichever comes first.
    [easting, northing] = a <= b ? [a, b] : [b, a];
  }
  if (
    easting < UTM_EASTING[0] ||
    easting > UTM_EASTING[1] ||
    northing < UTM_NORTHING[0] ||
    northing > UTM_NORTHING[1]
  ) {
    return { ok: false, problem: "out-of-range" };
  }
  const [lon, lat] = toWgs84.forward([easting, northing]) as [number, number];
  return result(lon, lat, "EPSG:25832");
}

function fromDegrees(parts: [Part, Part]): ParsedCoordinate {
  const values = parts.map(degreesOf);
  if (values[0] === null || values[1] === null || values[0] === undefined || values[1] === undefined) {
    return { ok: false, problem: "out-of-range" };
  }
  const signed = parts.map((p, i) => {
    const v = values[i] as number;
    return p.letter === "S" || p.letter === "W" ? -Math.abs(v) : v;
  }) as [number, number];
  const axes = parts.map((p) => axisOf(p.letter, false));
  const [a, b] = signed;
  let lat: number;
  let lon: number;
  if (axes[0] === "lat" || axes[1] === "lon") {
    if (axes[0] === axes[1]) return { ok: false, problem: "ambiguous" };
    [lat, lon] = [a, b];
  } else if (axes[0] === "lon" || axes[1] === "lat") {
    if (axes[0] === axes[1]) return { ok: false, problem: "ambiguous" };
    [lon, lat] = [a, b];
  } else {
    const latFirst = inBox(b, a, REGION);
    const lonFirst = inBox(a, b, REGION);
    if (latFirst) [lat, lon] = [a, b];
    else if (lonFirst) [lon, lat] = [a, b];
    else {
      const latFirstValid = Math.abs(a) <= 90 && Math.abs(b) <= 180;
      const lonFirstValid = Math.abs(b) <= 90 && Math.abs(a) <= 180;
      if (latFirstValid && lonFirstValid) return { ok: false, problem: "ambiguous" };
      if (!latFirstValid && !lonFirstValid) return { ok: false, problem: "out-of-range" };
      [lat, lon] = latFirstValid ? [a, b] : [b, a];
    }
  }
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return { ok: false, problem: "out-of-range" };
  return result(lon, lat, "EPSG:4326");
}

export function parseCoordinate(input: string): ParsedCoordinate {
  if (input.trim() === "") return { ok: false, problem: "empty" };
  const normalised = normalise(input);
  if (!normalised) return { ok: false, problem: "out-of-range" };
  const { text, hint } = normalised;
  let parts = split(text);
  if (parts === null) return { ok: false, problem: "unreadable" };
  if (parts.length === 1 && parts[0] && /^-?\d+,\d+$/.test(parts[0].raw) && !parts[0].minutes) {
    // "393000,5709000": one comma between two numbers. With metres that is a separator; with small
    // numbers ("51,7") it may just as well be a decimal comma.
    const [x = "", y = ""] = parts[0].raw.split(",");
    const [a, b] = [Number(x), Number(y)];
    const metres = Math.abs(a) >= 1000 && Math.abs(b) >= 1000;
    if (!metres) {
      const asDegrees = inBox(b, a, REGION) || inBox(a, b, REGION);
      return { ok: false, problem: asDegrees ? "ambiguous" : "unreadable" };
    }
    parts = [{ raw: x }, { raw: y }];
  }
  if (parts.length !== 2) return { ok: false, problem: "unreadable" };
  const pair = parts as [Part, Part];
  const dms = pair.some((p) => p.minutes !== undefined || p.degreeSign);
  const large = pair.some((p) => Math.abs(numberOf(p.raw, false)) > 180 || /\..*\./.test(p.raw));
  const metric = !dms && (hint === "utm" || large || pair.some((p) => p.letter === "R" || p.letter === "H"));
  if (metric && hint === "wgs") return { ok: false, problem: "out-of-range" };
  return metric ? fromMetres(pair) : fromDegrees(pair);
}
