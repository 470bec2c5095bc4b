/**
 * The variant manager at the top of the areas tab: the plan's variants in order, the active one
 * marked; switch by click; create, duplicate, rename inline (Enter applies, Escape cancels), delete
 * after an inline confirmation, move up and down. Every change goes through `variant-commands.ts`, so
 * it is one undo step and refusals come back as toasts. "Compare …" picks 2–4 variants and opens the
 * compare view.
 */
import "./VariantManager.css";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { VariantId } from "../../domain/model/plan.ts";
import { MIN_MATRIX_VARIANTS } from "../../domain/workshop/indicator-matrix.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { useSessionStore } from "../../store/session-store.ts";
import {
  createVariant,
  deleteVariant,
  duplicateVariant,
  moveVariant,
  renameVariant,
  reportVariantResult,
  switchVariant,
  type VariantCommandResult,
} from "../../store/variant-commands.ts";
import { ComparePicker } from "./ComparePicker.tsx";
import { VariantRow } from "./VariantRow.tsx";

const context = () => ({ getState: useDocumentStore.getState });

/** After a switch, create or delete the selection of the old variant means nothing: clear it. */
function leaveOldVariant() {
  const session = useSessionStore.getState();
  session.selectPilotArea(null);
  session.setHighlightedOverlap(null);
}

export function VariantManager() {
  const { t } = useTranslation();
  const plan = useDocumentStore((s) => s.plan);
  const activeId = useDocumentStore((s) => s.activeVariantId);
  const readOnly = useDocumentStore((s) => s.readOnly);
  const [renaming, setRenaming] = useState<VariantId | null>(null);
  const [confirming, setConfirming] = useState<VariantId | null>(null);
  const [picking, setPicking] = useState(false);
  const sectionRef = useRef<HTMLElement>(null);
  /** After a delete the row with the focus is gone: the focus goes to the variant that is now active. */
  const focusActive = () =>
    requestAnimationFrame(() =>
      sectionRef.current?.querySelector<HTMLButtonElement>(".variant-switch[aria-current=true]")?.focus(),
    );
  const variants = plan.variantOrder.flatMap((id) => (plan.variants[id] ? [plan.variants[id]] : []));

  const run = (result: VariantCommandResult, changesVariant: boolean) => {
    reportVariantResult(result);
    if (result.ok && changesVariant) leaveOldVariant();
    return result;
  };

  const create = () =>
    run(
      createVariant(context(), {
        label: t("variant.labels.create"),
        defaultName: (n) => t("variant.defaultName", { n }),
      }),
      true,
    );
  const duplicate = (id: VariantId) =>
    run(
      duplicateVariant(context(), id, {
        label: t("variant.labels.duplicate"),
        copyName: (name, n) =>
          n === 1 ? t("variant.copyName", { name }) : t("variant.copyNameN", { name, n }),
      }),
      true,
    );
  const move = (id: VariantId, index: number) =>
    run(moveVariant(context(), id, index, t("variant.labels.move")), false);

  return (
    <section
      className="variants"
      aria-labelledby="variants-title"
      data-testid="variant-manager"
      ref={sectionRef}
    >
      <div className="variants-head">
        <h2 id="variants-title">{t("variant.heading")}</h2>
        <button type="button" className="button" onClick={create} disabled={readOnly}>
          + {t("variant.create")}
        </button>
      </div>
      <ol className="variants-list" aria-label={t("variant.listLabel")}>
        {variants.map((variant, index) => (
          <VariantRow
            key={variant.id}
            variant={variant}
            index={index}
            count={variants.length}
            active={variant.id === activeId}
            readOnly={readOnly}
            renaming={renaming === variant.id}
            confirming={confirming === variant.id}
            onSwitch={() => run(switchVariant(context(), variant.id), variant.id !== activeId)}
            onStartRename={() => {
              setConfirming(null);
              setRenaming(variant.id);
            }}
            onRename={(name) => {
              const result = run(
                renameVariant(context(), variant.id, name, t("variant.labels.rename")),
                false,
              );
              if (result.ok) setRenaming(null);
            }}
            onCancelRename={() => setRenaming(null)}
            onDuplicate={() => duplicate(variant.id)}
            onMove={(to) => move(variant.id, to)}
            onAskDelete={() => {
              setRenaming(null);
              setConfirming(variant.id);
            }}
            onDelete={() => {
              setConfirming(null);
              run(deleteVariant(context(), variant.id, t("variant.labels.delete")), variant.id === activeId);
              focusActive();
            }}
            onCancelDelete={() => setConfirming(null)}
          />
        ))}
      </ol>
      <div className="variants-compare">
        <button
          type="button"
          className="button"
          aria-expanded={picking}
          aria-controls="variants-compare-pick"
          disabled={variants.length < MIN_MATRIX_VARIANTS}
          onClick={() => setPicking(!picking)}
          data-testid="variant-compare"
        >
          {t("variant.compare")}
        </button>
        {variants.length < MIN_MATRIX_VARIANTS && (
          <p className="small muted">{t("variant.compareNeedTwo")}</p>
        )}
        {picking && variants.length >= MIN_MATRIX_VARIANTS && (
          <ComparePicker variants={variants} onDone={() => setPicking(false)} />
        )}
      </div>
    </section>
  );
}
