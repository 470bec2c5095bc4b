/**
 * Whether the planning map has drawn its first screen. What is needed only to draw (terra-draw, the
 * geometry clean-up, keyboard drawing) waits for it, so the first screen does not download or run it.
 * Should the map not go idle (a tile that never arrives), a timer after the map's load stands in.
 */
import type { Map as MapLibreInstance } from "maplibre-gl";
import { useCallback, useEffect, useRef, useState } from "react";

/** After the load event, the longest the drawing tools wait for the first idle. */
const IDLE_FALLBACK_MS = 4000;

export function useFirstIdle(): { idle: boolean; watch: (map: MapLibreInstance) => void } {
  const [idle, setIdle] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const watch = useCallback((map: MapLibreInstance) => {
    const done = () => {
      clearTimeout(timer.current);
      setIdle(true);
    };
    timer.current = setTimeout(done, IDLE_FALLBACK_MS);
    map.once("idle", done);
  }, []);
  return { idle, watch };
}
