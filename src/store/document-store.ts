/**
 * The document store: the plan being edited and its undo/redo history. There is one write path:
 * `transact(changeSet)`. Components never `set` the plan directly. Undo applies the stored inverse;
 * redo applies the inverse of that. Loading a plan (from storage or a file) is not recorded.
 */
import { create } from "zustand";
import { applyChangeSet, type ChangeSet } from "../domain/changes/change-set.ts";
import type { Plan, Variant, VariantId } from "../domain/model/plan.ts";

/** Steps kept for undo; older ones are dropped. */
export const HISTORY_LIMIT = 200;

/** A change was attempted while this tab only follows another tab's edits. */
export class ReadOnlyError extends Error {
  constructor() {
    super("The plan is open for editing in another tab; this tab is read-only.");
    this.name = "ReadOnlyError";
  }
}

export interface TransactOptions {
  /** "ignore": apply without an undo step (remote updates, loading). Default "record". */
  history?: "record" | "ignore";
  /**
   * "remote": a change that others made to a shared plan. It is applied even in a read-only store
   * (a viewer of a shared plan follows the others' edits) and never enters the undo history.
   */
  source?: "local" | "remote";
}

export interface DocumentState {
  plan: Plan;
  activeVariantId: VariantId;
  /** Inverses of applied change sets, newest last. */
  past: ChangeSet[];
  /** Change sets undone, to redo, newest last. */
  future: ChangeSet[];
  /** Bumped on every change of the plan, for cheap change detection (autosave, analysis). */
  revision: number;
  /** When true (another tab edits this plan), every change is refused. */
  readOnly: boolean;
  setReadOnly(readOnly: boolean): void;
  transact(changeSet: ChangeSet, options?: TransactOptions): void;
  undo(): boolean;
  redo(): boolean;
  /** Replaces the plan (e.g. after loading); clears the history. */
  loadPlan(plan: Plan, activeVariantId?: VariantId): void;
  setActiveVariant(variantId: VariantId): void;
}

function firstVariantId(plan: Plan): VariantId {
  const id = plan.variantOrder[0];
  if (!id) throw new Error(`plan ${plan.id} has no variant`);
  return id;
}

export function createDocumentStore(initial: Plan) {
  return create<DocumentState>()((set, get) => ({
    plan: initial,
    activeVariantId: firstVariantId(initial),
    past: [],
    future: [],
    revision: 0,
    readOnly: false,
    setReadOnly: (readOnly) => set({ readOnly }),
    transact: (changeSet, options = {}) => {
      if (changeSet.changes.length === 0) return;
      const remote = options.source === "remote";
      if (get().readOnly && !remote) throw new ReadOnlyError();
      const { plan, inverse } = applyChangeSet(get().plan, changeSet);
      const state = get();
      const activeVariantId = plan.variants[state.activeVariantId]
        ? state.activeVariantId
        : firstVariantId(plan);
      if (options.history === "ignore" || remote) {
        set({ plan, activeVariantId, revision: state.revision + 1 });
        return;
      }
      set({
        plan,
        activeVariantId,
        past: [...state.past, inverse].slice(-HISTORY_LIMIT),
        future: [],
        revision: state.revision + 1,
      });
    },
    undo: () => {
      const state = get();
      if (state.readOnly) return false;
      const last = state.past.at(-1);
      if (!last) return false;
      const { plan, inverse } = applyChangeSet(state.plan, last);
      set({
        plan,
        activeVariantId: plan.variants[state.activeVariantId] ? state.activeVariantId : firstVariantId(plan),
        past: state.past.slice(0, -1),
        future: [...state.future, inverse],
        revision: state.revision + 1,
      });
      return true;
    },
    redo: () => {
      const state = get();
      if (state.readOnly) return false;
      const next = state.future.at(-1);
      if (!next) return false;
      const { plan, inverse } = applyChangeSet(state.plan, next);
      set({
        plan,
        activeVariantId: plan.variants[state.activeVariantId] ? state.activeVariantId : firstVariantId(plan),
        past: [...state.past, inverse].slice(-HISTORY_LIMIT),
        future: state.future.slice(0, -1),
        revision: state.revision + 1,
      });
      return true;
    },
    loadPlan: (plan, activeVariantId) =>
      set({
        plan,
        activeVariantId:
          activeVariantId && plan.variants[activeVariantId] ? activeVariantId : firstVariantId(plan),
        past: [],
        future: [],
        revision: get().revision + 1,
      }),
    setActiveVariant: (variantId) => {
      if (!get().plan.variants[variantId]) throw new Error(`unknown variant ${variantId}`);
      set({ activeVariantId: variantId });
    },
  }));
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;

/** The active variant (selector). */
export function selectActiveVariant(state: DocumentState): Variant {
  const variant = state.plan.variants[state.activeVariantId];
  if (!variant) throw new Error(`active variant ${state.activeVariantId} missing`);
  return variant;
}
