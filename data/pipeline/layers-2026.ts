/**
 * Transforms of the layers added in December 2026 (see the data folder's PROVENANCE.md, section 8):
 * the Zensus 2022 grid (EU census 2021 round), public fast chargers of the BNetzA register 2026 with
 * the register's city totals, bike-sharing stations and bike parking (OSM 2020) and the
 * Data2Resilience climate stations. Pure functions over parsed GeoJSON, like transforms.ts.
 */
import type { Feature, FeatureCollection, Polygon } from "geojson";
import { geodesicArea } from "../../src/domain/geometry/measure-area.ts";
import type { LocalisedText } from "../../src/domain/model/catalogue.ts";
import type { GridCell } from "./transforms.ts";
import { roundGeometry } from "./transforms.ts";
import { bboxOf } from "./validate.ts";

type Props = Record<string, unknown>;

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = typeof value === "number" ? value : Number(String(value).replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

function collection(features: Feature[]): FeatureCollection {
  return { type: "FeatureCollection", features: features.map((f, i) => ({ ...f, id: i + 1 })) };
}

const share = (part: number | null, total: number | null) =>
  part === null || total === null || total <= 0 ? null : Math.round((part / total) * 1000) / 10;

/**
 * The Zensus 2022 grid: per cell the residents (`T`), under 15 (`Y_LT15`) and 65 and over (`Y_GE65`),
 * their shares in percent and the density. Values are perturbed for confidentiality, and a 0 in an
 * age band may mean "not available" (the tiler turned missing values into 0).
 */
export function transformCensus2022Grid(raw: FeatureCollection): {
  served: FeatureCollection;
  cells: GridCell[];
} {
  const cells: GridCell[] = [];
  const features = raw.features.map((f): Feature => {
    const p = (f.properties ?? {}) as Props;
    const residents = numberOrNull(p.T);
    const under15 = numberOrNull(p.Y_LT15);
    const age65plus = numberOrNull(p.Y_GE65);
    const geometry = f.geometry as Polygon;
    const areaM2 = geodesicArea(geometry);
    cells.push({
      geometry,
      residents,
      under15,
      age65plus,
      areaM2,
      bbox: bboxOf({ type: "FeatureCollection", features: [f] }),
    });
    return {
      type: "Feature",
      geometry,
      properties: {
        cellId: text(p.grd_id),
        residents,
        under15,
        age65plus,
        shareUnder15: share(under15, residents),
        share65plus: share(age65plus, residents),
        density: residents === null ? null : Math.round(residents / (areaM2 / 1e6)),
        fracInCity: numberOrNull(p.frac_in_city),
        censusYear: 2022,
      },
    };
  });
  return { served: collection(features), cells };
}

/** Public fast chargers (≥ 50 kW) of the BNetzA register of 2026-01-28, one feature per location. */
export function transformFastChargers(raw: FeatureCollection): FeatureCollection {
  return collection(
    raw.features.map((f): Feature => {
      const p = (f.properties ?? {}) as Props;
      const maxPlug = numberOrNull(p.max_individual_power_kw);
      return {
        type: "Feature",
        geometry: roundGeometry(f.geometry),
        properties: {
          name: text(p.operator),
          operator: text(p.operator),
          address: text(p.address).replace(/\s+Kreisfreie Stadt Dortmund$/, ""),
          points: numberOrNull(p.charging_points_count),
          powerKw: numberOrNull(p.max_power_kw),
          maxPlugKw: maxPlug,
          category: maxPlug !== null && maxPlug >= 150 ? "≥ 150 kW" : "50–149 kW",
          status: text(p.status),
        },
      };
    }),
  );
}

/** Bike-sharing stations (`bicycle_rental`) or bike parking (`bicycle_parking`) inside the city (OSM 2020). */
export function transformBikePoints(raw: FeatureCollection, subclass: string): FeatureCollection {
  const label = subclass === "bicycle_rental" ? "Fahrradverleih" : "Fahrradabstellanlage";
  return collection(
    raw.features
      .filter((f) => {
        const p = (f.properties ?? {}) as Props;
        return text(p.subclass) === subclass && p.inside_city_boundary === true;
      })
      .map((f): Feature => {
        const p = (f.properties ?? {}) as Props;
        return {
          type: "Feature",
          geometry: roundGeometry(f.geometry),
          properties: { name: text(p.name_de) || text(p.name) || label, category: label },
        };
      }),
  );
}

const STATION_TYPES: Record<string, string> = {
  temprh: "Temperatur/Feuchte",
  biomet: "Biometeorologische Station",
  double: "Doppelstation",
};

/** The Data2Resilience climate stations (heat monitoring), with type and address. */
export function transformClimateStations(raw: FeatureCollection): FeatureCollection {
  return collection(
    raw.features.map((f): Feature => {
      const p = (f.properties ?? {}) as Props;
      const type = text(p.station_type);
      return {
        type: "Feature",
        geometry: roundGeometry(f.geometry),
        properties: {
          name: text(p.long_name),
          category: STATION_TYPES[type] ?? type,
          address: [
            [text(p.street), text(p.number)].filter(Boolean).join(" "),
            [text(p.plz), text(p.city)].filter(Boolean).join(" "),
          ]
            .filter(Boolean)
            .join(", "),
          district: text(p.district),
          stationId: text(p.station_id),
          altitude: numberOrNull(p.altitude),
        },
      };
    }),
  );
}

/** The register's totals for Dortmund (ev-charging-reference), or null when the file does not have them. */
export interface RegisterTotals {
  asOf: string;
  chargingUnits: number;
  chargingPoints: number;
  fastPoints: number;
  normalPoints: number;
}

export function readRegisterTotals(json: unknown): RegisterTotals | null {
  const root = (json ?? {}) as { generatedThrough?: unknown; district?: Props };
  const d = root.district ?? {};
  const values = [d.chargingUnits, d.chargingPoints, d.dcFastChargingPoints, d.normalChargingPoints].map(
    numberOrNull,
  );
  if (values.some((v) => v === null) || !/^\d{4}-\d{2}-\d{2}$/.test(text(root.generatedThrough))) return null;
  const [chargingUnits, chargingPoints, fastPoints, normalPoints] = values as number[];
  return {
    asOf: text(root.generatedThrough),
    chargingUnits: chargingUnits as number,
    chargingPoints: chargingPoints as number,
    fastPoints: fastPoints as number,
    normalPoints: normalPoints as number,
  };
}

/** The caveat that says what the fast-charger layer leaves out, with the register's totals. */
export function registerTotalsCaveat(totals: RegisterTotals): LocalisedText {
  const [y, m, d] = totals.asOf.split("-");
  const de = (n: number) => n.toLocaleString("de-DE");
  const en = (n: number) => n.toLocaleString("en-GB");
  return {
    de:
      `Nur Schnellladepunkte (≥ 50 kW); normale AC-Ladepunkte fehlen. Ladesäulenregister gesamt für Dortmund ` +
      `(Stand ${d}.${m}.${y}): ${de(totals.chargingUnits)} Ladeeinrichtungen mit ${de(totals.chargingPoints)} ` +
      `Ladepunkten, davon ${de(totals.fastPoints)} DC-Schnellladepunkte und ${de(totals.normalPoints)} normale.`,
    en:
      `Fast charging points only (≥ 50 kW); normal AC points are not included. Register totals for Dortmund ` +
      `(as of ${totals.asOf}): ${en(totals.chargingUnits)} charging units with ${en(totals.chargingPoints)} ` +
      `points, ${en(totals.fastPoints)} of them DC fast and ${en(totals.normalPoints)} normal.`,
  };
}
