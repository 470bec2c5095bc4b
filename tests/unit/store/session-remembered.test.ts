import { describe, expect, it } from "vitest";
import { rememberedSession, restoreSession, useSessionStore } from "../../../src/store/session-store.ts";

describe("what the session remembers between visits", () => {
  const defaults = useSessionStore.getState();

  it("remembers an offline basemap (city map, dark city map, schematic)", () => {
    for (const basemap of ["citymap", "citymap-dark", "schematic"] as const) {
      const stored = JSON.parse(JSON.stringify(rememberedSession({ ...defaults, basemap })));
      expect(restoreSession(stored, defaults).basemap).toBe(basemap);
    }
  });

  it("opens an online basemap (basemap.de, OSM) on the offline city map", () => {
    for (const basemap of ["basemapde", "osm"] as const) {
      expect(rememberedSession({ ...defaults, basemap }).basemap).toBe("citymap");
    }
  });

  it("ignores a stored basemap that is not an offline one, and keeps the other values", () => {
    const restored = restoreSession({ basemap: "osm", level: "unterbezirk" }, defaults);
    expect(restored.basemap).toBe(defaults.basemap);
    expect(restored.level).toBe("unterbezirk");
    expect(restoreSession({ basemap: "<img src=x>" }, defaults).basemap).toBe(defaults.basemap);
    expect(restoreSession(null, defaults)).toBe(defaults);
  });
});
