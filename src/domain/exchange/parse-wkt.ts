/**
 * Reading well-known text (OGC 06-103r4) into GeoJSON geometry: every 2D, Z, M and ZM type, EMPTY, and
 * the EWKT prefix "SRID=25832;". Heights are kept (the import drops and reports them), measures dropped.
 */
import type { Geometry, Position } from "geojson";

/** The geometry and, for EWKT, the SRID; null when the text is not WKT. */
export function parseWkt(text: string): { geometry: Geometry; srid: number | null } | null {
  let rest = text.trim();
  let srid: number | null = null;
  const prefix = /^SRID=(\d+);/i.exec(rest);
  if (prefix) {
    srid = Number(prefix[1]);
    rest = rest.slice(prefix[0].length);
  }
  const tokens = rest.match(/[A-Za-z]+|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[(),]/g) ?? [];
  let at = 0;
  const peek = () => tokens[at]?.toUpperCase();
  const next = () => tokens[at++];
  const expect = (token: string) => {
    if (next() !== token) throw new Error(`expected ${token}`);
  };
  function geometry(): Geometry {
    const type = next()?.toUpperCase() ?? "";
    let dims = 2;
    let measured = false;
    if (peek() === "Z" || peek() === "M" || peek() === "ZM") {
      const flag = next()?.toUpperCase();
      dims = flag === "ZM" ? 4 : 3;
      measured = flag === "M";
    }
    const empty = peek() === "EMPTY";
    if (empty) next();
    const position = (): Position => {
      const values: number[] = [];
      while (peek() !== undefined && peek() !== "," && peek() !== ")") values.push(Number(next()));
      if (values.length < 2 || values.some((v) => Number.isNaN(v))) throw new Error("bad position");
      // A 3-value position is x y z unless the type said M; a 4-value one is x y z m.
      const usesDims = Math.max(dims, values.length);
      return usesDims >= 3 && !measured ? values.slice(0, 3) : values.slice(0, 2);
    };
    const list = <T>(item: () => T): T[] => {
      if (empty) return [];
      expect("(");
      const items = [item()];
      while (peek() === ",") {
        next();
        items.push(item());
      }
      expect(")");
      return items;
    };
    const positions = () => list(position);
    const bracketed =
      <T>(item: () => T) =>
      () => {
        // MULTIPOINT allows both "(1 2, 3 4)" and "((1 2), (3 4))".
        if (peek() === "(") {
          next();
          const value = item();
          expect(")");
          return value;
        }
        return item();
      };
    switch (type) {
      case "POINT": {
        const coordinates = list(position)[0] ?? [];
        return { type: "Point", coordinates };
      }
      case "LINESTRING":
        return { type: "LineString", coordinates: positions() };
      case "POLYGON":
        return { type: "Polygon", coordinates: list(() => list(position)) };
      case "MULTIPOINT":
        return { type: "MultiPoint", coordinates: list(bracketed(position)) };
      case "MULTILINESTRING":
        return { type: "MultiLineString", coordinates: list(() => list(position)) };
      case "MULTIPOLYGON":
        return { type: "MultiPolygon", coordinates: list(() => list(() => list(position))) };
      case "GEOMETRYCOLLECTION":
        return { type: "GeometryCollection", geometries: list(geometry) };
      default:
        throw new Error(`unknown type ${type}`);
    }
  }
  try {
    const result = geometry();
    if (at !== tokens.length) return null;
    return { geometry: result, srid };
  } catch {
    return null;
  }
}

/** Whether a text looks like WKT (for finding a geometry column in a CSV). */
export function looksLikeWkt(text: string): boolean {
  return /^\s*(SRID=\d+;\s*)?(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION)\b/i.test(
    text,
  );
}
