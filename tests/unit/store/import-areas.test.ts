/** importAreas: imported areas go into the active variant as one undo step, cleaned like drawn ones. */
import { describe, expect, it } from "vitest";
import type { AreaGeometry } from "../../../src/domain/model/plan.ts";
import { importAreas } from "../../../src/store/area-commands.ts";
import { createDocumentStore, selectActiveVariant } from "../../../src/store/document-store.ts";
import { createStarterPlan } from "../../../src/store/plan-document.ts";
import { rectangle } from "../../fixtures/geometry/builders.ts";

const NOW = "2026-11-26T10:00:00.000Z";

const CITY = rectangle(7.4, 51.45, 7.5, 51.55);

function setup() {
  const store = createDocumentStore(createStarterPlan("Plan", "V", NOW));
  const context = { getState: store.getState, boundary: CITY as AreaGeometry, now: () => NOW };
  return { store, context };
}

describe("importAreas", () => {
  it("adds every area in one undo step, with the file as origin and attributes read back", () => {
    const { store, context } = setup();
    const result = importAreas(
      context,
      [
        {
          name: "Nord",
          geometry: rectangle(7.41, 51.5, 7.42, 51.51),
          attributes: { fields: ["energie"], status: "kandidat" },
        },
        { name: "Süd", geometry: rectangle(7.43, 51.46, 7.44, 51.47) },
      ],
      "partner.geojson",
      "Import",
    );
    expect(result.areaIds).toHaveLength(2);
    expect(result.refused).toEqual([]);
    const variant = selectActiveVariant(store.getState());
    expect(variant.areaOrder).toEqual(result.areaIds);
    const [nord, sued] = result.areaIds.map((id) => variant.areas[id]);
    expect(nord?.name).toBe("Nord");
    expect(nord?.fields).toEqual(["energie"]);
    expect(nord?.status).toBe("kandidat");
    expect(sued?.status).toBe("idee");
    expect(nord?.origin).toEqual({ kind: "imported", source: "partner.geojson" });
    expect(nord?.colour).not.toBe(sued?.colour);
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(selectActiveVariant(store.getState()).areaOrder).toEqual([]);
  });

  it("refuses tiny areas, counts those partly outside the city, and changes nothing when none passes", () => {
    const { store, context } = setup();
    const tiny = rectangle(7.41, 51.5, 7.41001, 51.50001);
    const result = importAreas(
      context,
      [
        { name: "klein", geometry: tiny },
        { name: "Rand", geometry: rectangle(7.49, 51.5, 7.51, 51.51) },
      ],
      "f.zip",
      "Import",
    );
    expect(result.refused).toEqual([{ index: 0, reason: "too-small" }]);
    expect(result.outsideCity).toBe(1);
    expect(result.areaIds).toHaveLength(1);
    const none = importAreas(context, [{ name: "klein", geometry: tiny }], "g.zip", "Import");
    expect(none.areaIds).toEqual([]);
    expect(store.getState().past).toHaveLength(1);
  });
});
