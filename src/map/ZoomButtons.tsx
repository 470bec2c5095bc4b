import { useMap } from "react-map-gl/maplibre";

/** Zoom buttons with translated names (MapLibre's own control reads its texts once, at creation). */
export function ZoomButtons({ labels }: { labels: { zoomIn: string; zoomOut: string } }) {
  const { current: map } = useMap();
  return (
    <div className="zoom-buttons">
      <button type="button" aria-label={labels.zoomIn} title={labels.zoomIn} onClick={() => map?.zoomIn()}>
        +
      </button>
      <button type="button" aria-label={labels.zoomOut} title={labels.zoomOut} onClick={() => map?.zoomOut()}>
        −
      </button>
    </div>
  );
}
