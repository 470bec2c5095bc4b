/**
 * "Reopen where I left off": the last plan opened, and per plan the variant, the selected area and
 * the camera, kept in the store's settings. Stored view states are checked when read (a damaged one
 * counts as none); failures to read or write them are ignored (the plan then opens as new).
 */
import { parseViewState, type ViewState } from "../domain/validation/tab-message.schema.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { useSessionStore } from "../store/session-store.ts";
import type { PlanStore } from "./plan-store.ts";

/** Settings keys. DO NOT RENAME without a migration of the settings table. */
const SETTING_LAST_PLAN = "lastPlanId";
const settingView = (planId: string) => `view:${planId}`;
/** The camera is written this long (ms) after it last moved; a new variant or selection at once. */
const VIEW_WRITE_DELAY_MS = 400;

export class ViewMemory {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private cameraProvider: (() => ViewState["camera"]) | null = null;

  constructor(private readonly store: () => PlanStore) {}

  /** Lets the map report the camera. */
  setCameraProvider(provider: () => ViewState["camera"]): void {
    this.cameraProvider = provider;
  }

  /** The view stored for a plan; undefined when there is none or it cannot be read. */
  async read(planId: string): Promise<ViewState | undefined> {
    return parseViewState(
      await this.store()
        .getSetting<unknown>(settingView(planId))
        .catch(() => undefined),
    );
  }

  /** The id of the plan opened last, as stored (not checked). */
  lastPlanId(): Promise<unknown> {
    return this.store()
      .getSetting<unknown>(SETTING_LAST_PLAN)
      .catch(() => undefined);
  }

  rememberLastPlan(planId: string): void {
    void this.store()
      .setSetting(SETTING_LAST_PLAN, planId)
      .catch(() => {});
  }

  /**
   * Call when the variant, the selection or the camera changed. The camera is written once it rests;
   * a variant or selection change (`at once`) is written in the next task, so that a reload right
   * after it still opens with it.
   */
  changed(atOnce = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.write(), atOnce ? 0 : VIEW_WRITE_DELAY_MS);
  }

  /** Writes a pending view now (the page is being hidden or left). */
  flush(): void {
    if (!this.timer) return;
    this.write();
  }

  private write(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const documents = useDocumentStore.getState();
    const camera = this.cameraProvider?.();
    const view: ViewState = {
      variantId: documents.activeVariantId,
      selectedAreaId: useSessionStore.getState().selectedAreaId,
      ...(camera ? { camera } : {}),
    };
    void this.store()
      .setSetting(settingView(documents.plan.id), view)
      .catch(() => {});
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
