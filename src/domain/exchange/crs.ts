/**
 * The coordinate reference systems of the exchange: their proj4 definitions, their WKT (OGC for
 * GeoPackage, ESRI for a Shapefile's .prj, as `gdalsrsinfo` prints them), and the recognition of the
 * names and WKT that files carry.
 *
 * ETRS89 and WGS84 are taken as identical (EPSG's null transformation, as GDAL and PROJ do by default):
 * they drift apart by about 0.8 m in Dortmund today, far below the precision of a hand-drawn area.
 */

/** The systems an export can be written in. */
export type ExportCrs = "EPSG:4326" | "EPSG:25832";

/** A system the exchange knows by EPSG code. */
export interface KnownCrs {
  epsg: number;
  /** Name as EPSG gives it. */
  name: string;
  /** proj4 definition. */
  proj4: string;
  /** Longitude/latitude (degrees) rather than projected metres. */
  geographic: boolean;
}

const UTM_ETRS89 = (zone: number) =>
  `+proj=utm +zone=${zone} +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs`;
const GAUSS_KRUEGER = (zone: number) =>
  `+proj=tmerc +lat_0=0 +lon_0=${zone * 3} +k=1 +x_0=${zone * 1_000_000 + 500_000} +y_0=0 +ellps=bessel ` +
  "+towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7 +units=m +no_defs +type=crs";

/** Systems found in German planning data, by EPSG code. */
export const KNOWN_CRS: ReadonlyMap<number, KnownCrs> = new Map(
  [
    { epsg: 4326, name: "WGS 84", proj4: "+proj=longlat +datum=WGS84 +no_defs +type=crs", geographic: true },
    {
      epsg: 4258,
      name: "ETRS89",
      proj4: "+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs +type=crs",
      geographic: true,
    },
    { epsg: 25832, name: "ETRS89 / UTM zone 32N", proj4: UTM_ETRS89(32), geographic: false },
    { epsg: 25833, name: "ETRS89 / UTM zone 33N", proj4: UTM_ETRS89(33), geographic: false },
    {
      epsg: 4647,
      name: "ETRS89 / UTM zone 32N (zE-N)",
      proj4:
        "+proj=tmerc +lat_0=0 +lon_0=9 +k=0.9996 +x_0=32500000 +y_0=0 +ellps=GRS80 " +
        "+towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs",
      geographic: false,
    },
    { epsg: 31466, name: "DHDN / 3-degree Gauss-Kruger zone 2", proj4: GAUSS_KRUEGER(2), geographic: false },
    { epsg: 31467, name: "DHDN / 3-degree Gauss-Kruger zone 3", proj4: GAUSS_KRUEGER(3), geographic: false },
    {
      epsg: 3857,
      name: "WGS 84 / Pseudo-Mercator",
      proj4:
        "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs +type=crs",
      geographic: false,
    },
  ].map((crs) => [crs.epsg, crs]),
);

/** EPSG:4326 as OGC WKT 1 (for a GeoPackage's gpkg_spatial_ref_sys). */
export const WKT_4326 =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],' +
  'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,' +
  'AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

/** EPSG:25832 as OGC WKT 1. */
export const WKT_25832 =
  'PROJCS["ETRS89 / UTM zone 32N",GEOGCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989",' +
  'SPHEROID["GRS 1980",6378137,298.257222101,AUTHORITY["EPSG","7019"]],AUTHORITY["EPSG","6258"]],' +
  'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],' +
  'AUTHORITY["EPSG","4258"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],' +
  'PARAMETER["central_meridian",9],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],' +
  'PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],' +
  'AXIS["Northing",NORTH],AUTHORITY["EPSG","25832"]]';

/** EPSG:4326 as ESRI WKT (a Shapefile's .prj). */
export const ESRI_WKT_4326 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** EPSG:25832 as ESRI WKT. */
export const ESRI_WKT_25832 =
  'PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",' +
  'SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],' +
  'PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],' +
  'PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],' +
  'UNIT["Meter",1.0]]';

/** EPSG code of an export system. */
export function epsgOf(crs: ExportCrs): number {
  return crs === "EPSG:25832" ? 25832 : 4326;
}

/**
 * The EPSG code a CRS name stands for: "EPSG:25832", "urn:ogc:def:crs:EPSG::25832",
 * "urn:ogc:def:crs:EPSG:6.6:25832", "http://www.opengis.net/def/crs/EPSG/0/25832", or the OGC names of
 * WGS84 lon/lat ("urn:ogc:def:crs:OGC:1.3:CRS84", "CRS:84"). Null for anything else.
 */
export function epsgFromName(name: string): number | null {
  const text = name.trim();
  if (/(^|[:/])CRS:?84$/i.test(text)) return 4326;
  const match = /EPSG(?:::|:[\d.]*:|:|\/0\/|\/)(\d+)$/i.exec(text);
  return match ? Number(match[1]) : null;
}

/** ESRI WKT names (as GDAL writes them into a .prj) of the known systems. */
const ESRI_NAMES: readonly [RegExp, number][] = [
  [/^(etrs_?1989_utm_zone_32n|etrs89 \/ utm zone 32n)$/, 25832],
  [/^etrs_?1989_utm_zone_n32$/, 4647],
  [/^(etrs_?1989_utm_zone_33n|etrs89 \/ utm zone 33n)$/, 25833],
  [/^dhdn_3_degree_gauss_zone_2$/, 31466],
  [/^dhdn_3_degree_gauss_zone_3$/, 31467],
  [/^wgs_1984_web_mercator_auxiliary_sphere$/, 3857],
  [/^(gcs_wgs_1984|wgs 84)$/, 4326],
  [/^(gcs_etrs_1989|etrs89)$/, 4258],
];

/**
 * The EPSG code a WKT stands for, when it says so (its last AUTHORITY["EPSG", n] belongs to the outermost
 * system) or when it is one of the ESRI spellings of the known systems. Null otherwise.
 */
export function epsgFromWkt(wkt: string): number | null {
  const authorities = [...wkt.matchAll(/AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
  const outer = /^\s*(PROJCS|GEOGCS|PROJCRS|GEOGCRS)/i.test(wkt) ? authorities.at(-1) : undefined;
  if (outer) return Number(outer[1]);
  const name = /^\s*(?:PROJCS|GEOGCS)\s*\[\s*"([^"]+)"/i.exec(wkt)?.[1]?.toLowerCase() ?? "";
  for (const [pattern, epsg] of ESRI_NAMES) if (pattern.test(name)) return epsg;
  return null;
}
