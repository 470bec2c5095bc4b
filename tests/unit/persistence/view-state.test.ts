/**
 * "Reopen where I left off": a new selection or variant is written at once (a reload right after it
 * still opens with it), the camera once it rests, and whatever is pending when the page is left.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MemoryPlanStore } from "../../../src/persistence/memory-plan-store.ts";
import { ViewMemory } from "../../../src/persistence/view-state.ts";
import { createStarterPlan, useDocumentStore } from "../../../src/store/plan-document.ts";
import { useSessionStore } from "../../../src/store/session-store.ts";

describe("ViewMemory", () => {
  let store: MemoryPlanStore;
  let views: ViewMemory;
  beforeEach(() => {
    vi.useFakeTimers();
    store = new MemoryPlanStore();
    views = new ViewMemory(() => store);
    const plan = createStarterPlan("Plan", "Variante 1");
    useDocumentStore.getState().loadPlan(plan, plan.variantOrder[0]);
    useSessionStore.getState().selectPilotArea("area-1");
  });
  afterEach(() => {
    views.stop();
    vi.useRealTimers();
  });
  const planId = () => useDocumentStore.getState().plan.id;

  it("writes a new selection in the next task, not after the camera's delay", async () => {
    views.changed(true);
    await vi.advanceTimersByTimeAsync(1);
    expect((await views.read(planId()))?.selectedAreaId).toBe("area-1");
  });

  it("writes the camera only once it rests", async () => {
    views.setCameraProvider(() => ({ center: [7.46, 51.51], zoom: 12, bearing: 0, pitch: 0 }));
    views.changed();
    await vi.advanceTimersByTimeAsync(100);
    expect(await views.read(planId())).toBeUndefined();
    await vi.advanceTimersByTimeAsync(400);
    expect((await views.read(planId()))?.camera?.zoom).toBe(12);
  });

  it("flush writes what is pending at once, and nothing when nothing is", async () => {
    const spy = vi.spyOn(store, "setSetting");
    views.flush();
    expect(spy).not.toHaveBeenCalled();
    views.changed();
    views.flush();
    expect(spy).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(spy).toHaveBeenCalledTimes(1);
    expect((await views.read(planId()))?.selectedAreaId).toBe("area-1");
  });
});
