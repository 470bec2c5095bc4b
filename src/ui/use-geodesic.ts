/**
 * Geodesic measures (geographiclib) load when an area is there to measure, not with the first screen.
 * `useGeodesic(wanted)` is null until the module has arrived; callers show "still to come" meanwhile.
 */
import { useEffect, useState } from "react";

export type Geodesic = typeof import("../domain/geometry/measure-area.ts");

let loaded: Geodesic | null = null;
let loading: Promise<Geodesic> | null = null;

export function loadGeodesic(): Promise<Geodesic> {
  loading ??= import("../domain/geometry/measure-area.ts").then((m) => {
    loaded = m;
    return m;
  });
  return loading;
}

export function useGeodesic(wanted: boolean): Geodesic | null {
  const [geodesic, setGeodesic] = useState<Geodesic | null>(loaded);
  useEffect(() => {
    if (!wanted || geodesic) return;
    let live = true;
    void loadGeodesic().then((m) => {
      if (live) setGeodesic(m);
    });
    return () => {
      live = false;
    };
  }, [wanted, geodesic]);
  return geodesic;
}
