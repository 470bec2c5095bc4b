/**
 * The areas other participants of a shared plan have selected: an outline in each one's colour on a
 * white casing, drawn inside the area's own outline (presence-outlines.ts). Nothing while the plan is
 * not shared.
 */
import { useMemo } from "react";
import { Layer, Source } from "react-map-gl/maplibre";
import type { Variant } from "../domain/model/plan.ts";
import { usePresenceStore } from "../store/presence-store.ts";
import { PRESENCE_LAYERS, presenceOutlines } from "./presence-outlines.ts";

/** Offset of a rank's line inside the area (px; negative is inside a polygon ring drawn counter-clockwise). */
const OFFSET = ["-", -4, ["*", 5, ["get", "rank"]]] as const;

export function PresenceLayer({ variant }: { variant: Variant }) {
  const participants = usePresenceStore((s) => s.participants);
  const data = useMemo(
    () =>
      presenceOutlines(
        variant,
        participants.filter((each) => !each.self),
      ),
    [variant, participants],
  );
  return (
    <Source id={PRESENCE_LAYERS.source} type="geojson" data={data}>
      <Layer
        id={PRESENCE_LAYERS.casing}
        type="line"
        paint={{ "line-color": "#ffffff", "line-width": 6, "line-offset": OFFSET as never }}
      />
      <Layer
        id={PRESENCE_LAYERS.line}
        type="line"
        paint={{
          "line-color": ["get", "colour"],
          "line-width": 3.5,
          "line-offset": OFFSET as never,
          "line-dasharray": [3, 1.5],
        }}
      />
    </Source>
  );
}
