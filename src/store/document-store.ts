/**
 * The document store: the plan being edited and its undo/redo history. There is one write path:
 * `transact(changeSet)`. Components never `set` the plan directly. Undo applies the stored inverse;
 * redo applies the inverse of that. Loading a plan (from storage or a file) is not recorded.
 *
 * In a shared plan, others' changes arrive as remote change sets: they never enter the history, and a
 * step of the history that touches what a remote change touched is marked overtaken. Undoing (or
 * redoing) an overtaken step would overwrite the other person's work, so it is skipped and `skipped`
 * says which step it was.
 */
import { create } from "zustand";
import { touchedKeys, touchesSame } from "../domain/changes/change-keys.ts";
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
  /** Steps of `past` and `future` that a remote change touched since (skipped, never applied). */
  overtaken: readonly ChangeSet[];
  /** The last step skipped because it was overtaken, for the planner to be told; `at` tells repeats apart. */
  skipped: { label: string; direction: "undo" | "redo"; at: number } | null;
  /** When true (another tab edits this plan), every change is refused. */
  readOnly: boolean;
  setReadOnly(readOnly: boolean): void;
  transact(changeSet: ChangeSet, options?: TransactOptions): void;
  /** Undoes the last step, or skips it when others changed the same since; false if there is none. */
  undo(): boolean;
  /** Redoes the last undone step, or skips it as undo does; false if there is none. */
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
    overtaken: [],
    skipped: null,
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
      if (remote) {
        set({
          plan,
          activeVariantId,
          revision: state.revision + 1,
          overtaken: overtakenBy(changeSet, state),
        });
        return;
      }
      if (options.history === "ignore") {
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
    undo: () => step(get, set, "undo"),
    redo: () => step(get, set, "redo"),
    loadPlan: (plan, activeVariantId) =>
      set({
        plan,
        activeVariantId:
          activeVariantId && plan.variants[activeVariantId] ? activeVariantId : firstVariantId(plan),
        past: [],
        future: [],
        overtaken: [],
        skipped: null,
        revision: get().revision + 1,
      }),
    setActiveVariant: (variantId) => {
      if (!get().plan.variants[variantId]) throw new Error(`unknown variant ${variantId}`);
      set({ activeVariantId: variantId });
    },
  }));
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;

type GetState = () => DocumentState;
type SetState = (partial: Partial<DocumentState>) => void;

/** The steps of the history (both ways) that touch what a remote change set touched, added to those before. */
function overtakenBy(remote: ChangeSet, state: DocumentState): readonly ChangeSet[] {
  const keys = touchedKeys(remote);
  const hit = [...state.past, ...state.future].filter(
    (entry) => !state.overtaken.includes(entry) && touchesSame(touchedKeys(entry), keys),
  );
  // Only steps still in the history are kept.
  const live = state.overtaken.filter((entry) => state.past.includes(entry) || state.future.includes(entry));
  return hit.length === 0 && live.length === state.overtaken.length ? state.overtaken : [...live, ...hit];
}

/** One undo or redo: applies the step, or skips it when it was overtaken. */
function step(get: GetState, set: SetState, direction: "undo" | "redo"): boolean {
  const state = get();
  if (state.readOnly) return false;
  const from = direction === "undo" ? state.past : state.future;
  const entry = from.at(-1);
  if (!entry) return false;
  const rest = from.slice(0, -1);
  const key = direction === "undo" ? "past" : "future";
  if (state.overtaken.includes(entry)) {
    set({
      [key]: rest,
      overtaken: state.overtaken.filter((e) => e !== entry),
      skipped: { label: entry.label, direction, at: Date.now() },
    });
    return true;
  }
  const { plan, inverse } = applyChangeSet(state.plan, entry);
  const other = direction === "undo" ? state.future : state.past;
  const otherNext = direction === "undo" ? [...other, inverse] : [...other, inverse].slice(-HISTORY_LIMIT);
  set({
    plan,
    activeVariantId: plan.variants[state.activeVariantId] ? state.activeVariantId : firstVariantId(plan),
    [key]: rest,
    [direction === "undo" ? "future" : "past"]: otherNext,
    revision: state.revision + 1,
  });
  return true;
}

/** The active variant (selector). */
export function selectActiveVariant(state: DocumentState): Variant {
  const variant = state.plan.variants[state.activeVariantId];
  if (!variant) throw new Error(`active variant ${state.activeVariantId} missing`);
  return variant;
}
