/**
 * A small drawing of a slide for the presenter's "next slide" box: the variant's areas as SVG shapes
 * (the focused one strong), the title and the indicator. No second WebGL map: the presenter's window
 * already draws one, and a thumbnail only needs to say what comes next.
 */
import "./SlideThumbnail.css";
import type { AreaGeometry } from "../../domain/model/plan.ts";
import { boundsOf } from "../../map/map-commands.ts";
import { presentationAreaStyle } from "../../map/presentation-style.ts";
import type { SlideView } from "./SlideStage.tsx";

const SIZE = 160;

function pathOf(geometry: AreaGeometry, project: (p: number[]) => [number, number]): string {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons
    .flatMap((polygon) =>
      polygon.map(
        (ring) =>
          `M${ring
            .map((p) => project(p))
            .map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`)
            .join("L")}Z`,
      ),
    )
    .join("");
}

export function SlideThumbnail({ view }: { view: SlideView }) {
  const areas = view.variant.areas;
  const focus = view.areaIndex === null ? null : areas[view.areaIndex];
  const shown = focus ? [focus] : areas;
  let drawing = null;
  if (shown.length > 0) {
    const boxes = shown.map((a) => boundsOf(a.geometry));
    const west = Math.min(...boxes.map((b) => b[0]));
    const south = Math.min(...boxes.map((b) => b[1]));
    const east = Math.max(...boxes.map((b) => b[2]));
    const north = Math.max(...boxes.map((b) => b[3]));
    const kx = Math.cos((((south + north) / 2) * Math.PI) / 180);
    const span = Math.max((east - west) * kx, north - south, 1e-9);
    const scale = (SIZE * 0.8) / span;
    const cx = ((west + east) / 2) * kx;
    const cy = (south + north) / 2;
    const project = (p: number[]): [number, number] => [
      SIZE / 2 + ((p[0] ?? 0) * kx - cx) * scale,
      SIZE / 2 - ((p[1] ?? 0) - cy) * scale,
    ];
    drawing = areas.map((area, index) => {
      const { colour } = presentationAreaStyle(index);
      const strong = !focus || focus.id === area.id;
      return (
        <path
          key={area.id}
          d={pathOf(area.geometry, project)}
          fill={colour}
          fillOpacity={strong ? 0.45 : 0.1}
          stroke={strong ? "#111827" : colour}
          strokeWidth={strong ? 2 : 1}
          fillRule="evenodd"
        />
      );
    });
  }
  return (
    <div className="present-thumb" data-testid="present-next">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} aria-hidden="true" focusable="false">
        <rect width={SIZE} height={SIZE} fill="#f3f1ec" />
        {drawing}
      </svg>
      <div>
        <p className="present-thumb-title">{view.title}</p>
        <p className="present-thumb-indicator">{view.indicator}</p>
      </div>
    </div>
  );
}
