/**
 * The map of a one-pager as static SVG: district borders, the city boundary, district names and the
 * pilot areas, framed on one area (with its surroundings) or on the whole city. Vector, no WebGL:
 * it prints sharp at any size and looks the same on screen, in print and in a PDF.
 */
import type { Feature, FeatureCollection, Point, Position } from "geojson";
import { useEffect, useMemo, useState } from "react";
import { cityBoundsOf, type GeneratedCatalogue, type ReferenceLevel } from "../domain/model/catalogue.ts";
import type { AreaGeometry } from "../domain/model/plan.ts";
import { useReferenceStore } from "../store/reference-store.ts";
import { appBaseUrl } from "./app-url.ts";
import { geometriesBbox } from "./SharedMap.tsx";

export interface OnePagerMapArea {
  id: string;
  name: string;
  colour: string;
  geometry: AreaGeometry;
}

/** Drawing width in SVG units; the height follows the frame's aspect. */
const WIDTH = 600;
const METRES_PER_DEGREE = 111_320;

type Bbox = [number, number, number, number];

/** The frame: the focus area with its surroundings (at least 4 km across, 4:3), or the city. */
function frameOf(focus: AreaGeometry | null, city: Bbox): Bbox {
  if (!focus) return city;
  const [w, s, e, n] = geometriesBbox([focus]) ?? city;
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  const cos = Math.cos((cy * Math.PI) / 180);
  // Half extents in metres, with a margin, at least 1 km, then widened to 4:3.
  let hx = Math.max(((e - w) / 2) * cos * METRES_PER_DEGREE * 2.2, 2000);
  let hy = Math.max(((n - s) / 2) * METRES_PER_DEGREE * 2.2, 1500);
  if (hx / hy < 4 / 3) hx = (hy * 4) / 3;
  else hy = (hx * 3) / 4;
  const dx = hx / (cos * METRES_PER_DEGREE);
  const dy = hy / METRES_PER_DEGREE;
  return [cx - dx, cy - dy, cx + dx, cy + dy];
}

function useLabels(catalogue: GeneratedCatalogue, level: ReferenceLevel) {
  const [labels, setLabels] = useState<Feature<Point, { name: string }>[]>([]);
  useEffect(() => {
    const entry = catalogue.entries.find((e) => e.kind === "reference-areas" && e.level === level);
    if (!entry?.labelsUrl) return;
    let cancelled = false;
    fetch(new URL(entry.labelsUrl.replace(/^\//, ""), appBaseUrl()))
      .then((r) => (r.ok ? (r.json() as Promise<FeatureCollection<Point, { name: string }>>) : null))
      .then((fc) => {
        if (!cancelled && fc) setLabels(fc.features);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [catalogue, level]);
  return labels;
}

export function OnePagerMap({
  catalogue,
  areas,
  focusId,
  label,
}: {
  catalogue: GeneratedCatalogue;
  areas: readonly OnePagerMapArea[];
  /** The area the page is about, or null for the whole variant. */
  focusId: string | null;
  /** Accessible description of the image. */
  label: string;
}) {
  const status = useReferenceStore((s) => s.status);
  const boundary = useReferenceStore((s) => s.boundary);
  const outlines = useReferenceStore((s) => s.outlines);
  const loadOutlines = useReferenceStore((s) => s.loadOutlines);
  const focus = areas.find((a) => a.id === focusId) ?? null;
  const withDetail = focus !== null;
  // The district outlines come from the analysis worker once it is ready (the page started it).
  useEffect(() => {
    if (status !== "ready") return;
    void loadOutlines("stadtbezirk");
    if (withDetail) void loadOutlines("statistischer-bezirk");
  }, [status, withDetail, loadOutlines]);
  const detailLevel: ReferenceLevel = focus ? "statistischer-bezirk" : "stadtbezirk";
  const labels = useLabels(catalogue, detailLevel);
  const cityBbox: Bbox = cityBoundsOf(catalogue);
  const frame = useMemo(() => frameOf(focus?.geometry ?? null, cityBbox), [focus, cityBbox]);
  const [west, south, east, north] = frame;
  const cos = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const k = WIDTH / ((east - west) * cos);
  const height = Math.round((north - south) * k);
  const x = (lon: number) => (lon - west) * cos * k;
  const y = (lat: number) => (north - lat) * k;
  const ringPath = (ring: Position[]) =>
    `M${ring.map(([lon, lat]) => `${x(lon as number).toFixed(1)},${y(lat as number).toFixed(1)}`).join("L")}Z`;
  const pathOf = (geometry: AreaGeometry) =>
    (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates)
      .flatMap((rings) => rings.map(ringPath))
      .join("");
  const districtPaths = (level: ReferenceLevel) =>
    (outlines[level] ?? []).map((d) => ({ id: d.code, d: pathOf(d.geometry) }));

  const inside = (p: Position) => {
    const [lon, lat] = p as [number, number];
    return lon > west && lon < east && lat > south && lat < north;
  };

  return (
    <svg
      className="onepager-map"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={label}
      data-testid="onepager-map"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={WIDTH} height={height} fill="#f3f1ec" />
      {focus &&
        districtPaths("statistischer-bezirk").map((d) => (
          <path key={`sb-${d.id}`} d={d.d} fill="none" stroke="#9ca3af" strokeWidth={0.8} />
        ))}
      {districtPaths("stadtbezirk").map((d) => (
        <path key={`b-${d.id}`} d={d.d} fill="none" stroke="#4b5563" strokeWidth={focus ? 1.6 : 1.1} />
      ))}
      {boundary && <path d={pathOf(boundary)} fill="none" stroke="#111827" strokeWidth={2.4} />}
      {areas.map((a) => {
        const focused = focus === null || a.id === focus.id;
        return (
          <path
            key={a.id}
            d={pathOf(a.geometry)}
            fillRule="evenodd"
            fill={a.colour}
            fillOpacity={focused ? 0.38 : 0.12}
            stroke={a.colour}
            strokeOpacity={focused ? 1 : 0.5}
            strokeWidth={focused ? 2.4 : 1.2}
            strokeDasharray={focused ? undefined : "4 3"}
          />
        );
      })}
      {labels
        .filter((l) => inside(l.geometry.coordinates))
        .map((l) => (
          <text
            key={`${l.properties.name}-${l.geometry.coordinates.join(",")}`}
            x={x(l.geometry.coordinates[0] as number)}
            y={y(l.geometry.coordinates[1] as number)}
            textAnchor="middle"
            fontSize={focus ? 16 : 15}
            fill="#374151"
            stroke="#ffffff"
            strokeWidth={3}
            paintOrder="stroke"
            fontFamily="Noto Sans, sans-serif"
          >
            {l.properties.name}
          </text>
        ))}
      {!focus &&
        areas.map((a) => {
          const box = geometriesBbox([a.geometry]);
          if (!box) return null;
          return (
            <text
              key={`name-${a.id}`}
              x={x((box[0] + box[2]) / 2)}
              y={y((box[1] + box[3]) / 2)}
              textAnchor="middle"
              fontSize={14}
              fontWeight={700}
              fill="#111827"
              stroke="#ffffff"
              strokeWidth={3}
              paintOrder="stroke"
              fontFamily="Noto Sans, sans-serif"
            >
              {a.name}
            </text>
          );
        })}
      <ScaleBar metresAcross={(east - west) * cos * METRES_PER_DEGREE} height={height} />
    </svg>
  );
}

/** Scale bar in the lower left corner: a round length of about a fifth of the width. */
function ScaleBar({ metresAcross, height }: { metresAcross: number; height: number }) {
  const scaleM = [100, 200, 500, 1000, 2000, 5000, 10000].reduce((best, m) =>
    Math.abs(m - metresAcross / 5) < Math.abs(best - metresAcross / 5) ? m : best,
  );
  const scaleW = (scaleM / metresAcross) * WIDTH;
  return (
    <g transform={`translate(12, ${height - 14})`}>
      <rect x={-4} y={-20} width={scaleW + 8} height={26} fill="#ffffff" fillOpacity={0.85} />
      <path d={`M0,0H${scaleW.toFixed(1)}`} stroke="#111827" strokeWidth={3} />
      <text x={0} y={-6} fontSize={14} fill="#111827" fontFamily="Noto Sans, sans-serif">
        {scaleM >= 1000 ? `${scaleM / 1000} km` : `${scaleM} m`}
      </text>
    </g>
  );
}
