/**
 * "In meine Pläne übernehmen": the shared variant becomes a new variant of the open plan (fresh ids,
 * areas marked as imported from a share link), one undo step, and the active variant. Refusals are
 * the variant commands' codes (toasts `variant.refused.<code>`).
 */
import type { SharedVariant } from "../../domain/share/share-format.ts";
import { sharedVariantToVariant } from "../../domain/share/shared-variant-to-variant.ts";
import {
  checkVariantName,
  freeVariantName,
  MAX_VARIANT_NAME_LENGTH,
} from "../../domain/workshop/variant-name.ts";
import type { DocumentState } from "../../store/document-store.ts";
import type { VariantCommandResult } from "../../store/variant-commands.ts";

export interface AdoptOptions {
  getState: () => DocumentState;
  /** Undo label. */
  label: string;
  /** A free name when the shared one is taken: n = 1, 2, … ("Nord (geteilt)", "Nord (geteilt 2)"). */
  takenName: (name: string, n: number) => string;
  now?: string;
  idFactory?: () => string;
}

export function adoptSharedVariant(shared: SharedVariant, options: AdoptOptions): VariantCommandResult {
  const state = options.getState();
  if (state.readOnly) return { ok: false, reason: "read-only" };
  // A made-up link may carry an over-long name; leave room for the suffix.
  const base =
    Array.from(shared.variantName.trim())
      .slice(0, MAX_VARIANT_NAME_LENGTH - 14)
      .join("") || "?";
  const name = checkVariantName(state.plan, base).ok
    ? base
    : freeVariantName(state.plan, (n) => options.takenName(base, n));
  const variant = {
    ...sharedVariantToVariant(shared, options.now ?? new Date().toISOString(), options.idFactory),
    name,
  };
  state.transact({ label: options.label, changes: [{ type: "variant/put", variant }] });
  options.getState().setActiveVariant(variant.id);
  return { ok: true, variantId: variant.id };
}
