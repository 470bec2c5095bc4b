/**
 * The map of a one-pager as static SVG: district borders, the city boundary, district names and the
 * pilot areas, framed on one area (with its surroundings) or on the whole city. Vector, no WebGL:
 * it prints sharp at any size and looks the same on screen, in print and in a PDF.
 */
import type { Feature, FeatureCollection, Point } from "geojson";
import { useEffect, useMemo, useState } from "react";
import { cityBoundsOf, type GeneratedCatalogue, type ReferenceLevel } from "../domain/model/catalogue.ts";
import type { AreaGeometry } from "../domain/model/plan.ts";
import { useReferenceStore } from "../store/reference-store.ts";
import { appBaseUrl } from "./app-url.ts";
import { geometriesBbox } from "./geometry-bounds.ts";
import { type Bbox, frameOf, scaleBarMetres, svgProjection } from "./onepager-frame.ts";

export interface OnePagerMapArea {
  id: string;
  name: string;
  colour: string;
  geometry: AreaGeometry;
}

/** Drawing width in SVG units; the height follows the frame's aspect. */
const WIDTH = 600;

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
  const { height, metresAcross, x, y, pathOf, inside } = svgProjection(frame, WIDTH);
  const districtPaths = (level: ReferenceLevel) =>
    (outlines[level] ?? []).map((d) => ({ id: d.code, d: pathOf(d.geometry) }));

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
      {!focus && <AreaNames areas={areas} x={x} y={y} />}
      <ScaleBar metresAcross={metresAcross} height={height} />
    </svg>
  );
}

/** Scale bar in the lower left corner: a round length of about a fifth of the width. */
function ScaleBar({ metresAcross, height }: { metresAcross: number; height: number }) {
  const scaleM = scaleBarMetres(metresAcross);
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

/** The name of each area at the middle of its bounding box (on the overview page). */
function AreaNames({
  areas,
  x,
  y,
}: {
  areas: readonly OnePagerMapArea[];
  x: (lon: number) => number;
  y: (lat: number) => number;
}) {
  return areas.map((a) => {
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
  });
}
