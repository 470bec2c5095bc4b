/**
 * The variant manager at the top of the areas tab: the plan's variants in order, the active one
 * marked; switch by click; create, duplicate, rename inline (Enter applies, Escape cancels), delete
 * after an inline confirmation, move up and down. Every change goes through `variant-commands.ts`, so
 * it is one undo step and refusals come back as toasts. "Compare …" picks 2–4 variants and opens the
 * compare view.
 */
import "./VariantManager.css";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Variant, VariantId } from "../../domain/model/plan.ts";
import { MAX_MATRIX_VARIANTS, MIN_MATRIX_VARIANTS } from "../../domain/workshop/indicator-matrix.ts";
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
import { initialComparePick, togglePick } from "./compare-pick.ts";

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

interface RowProps {
  variant: Variant;
  index: number;
  count: number;
  active: boolean;
  readOnly: boolean;
  renaming: boolean;
  confirming: boolean;
  onSwitch(): void;
  onStartRename(): void;
  onRename(name: string): void;
  onCancelRename(): void;
  onDuplicate(): void;
  onMove(index: number): void;
  onAskDelete(): void;
  onDelete(): void;
  onCancelDelete(): void;
}

function VariantRow(props: RowProps) {
  const { t } = useTranslation();
  const { variant, index, count, active, readOnly } = props;
  const name = variant.name;
  const areas = variant.areaOrder.length;
  const rowRef = useRef<HTMLLIElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(false);
  useEffect(() => {
    if (props.confirming) confirmRef.current?.focus();
  }, [props.confirming]);
  /**
   * Moves the variant; when that disables the pressed button (top or bottom reached), the focus goes to
   * the button for the other direction instead of being lost.
   */
  const moveAndKeepFocus = (button: HTMLButtonElement, to: number) => {
    props.onMove(to);
    requestAnimationFrame(() => {
      if (!button.disabled) return;
      rowRef.current?.querySelector<HTMLButtonElement>(".variant-action-move:not(:disabled)")?.focus();
    });
  };
  useEffect(() => {
    // Back from the rename field: the focus goes to the variant's own button, not to the page.
    if (wasRenaming.current && !props.renaming)
      rowRef.current?.querySelector<HTMLButtonElement>(".variant-switch")?.focus();
    wasRenaming.current = props.renaming;
  }, [props.renaming]);
  return (
    <li
      ref={rowRef}
      className={`variant-row${active ? " variant-row-active" : ""}`}
      data-testid="variant-row"
      data-variant-id={variant.id}
    >
      {props.renaming ? (
        <RenameForm name={name} onRename={props.onRename} onCancel={props.onCancelRename} />
      ) : (
        <button
          type="button"
          className="variant-switch"
          aria-current={active ? "true" : undefined}
          title={active ? t("variant.activeHint") : t("variant.switchTo", { name })}
          onClick={props.onSwitch}
        >
          <span className="variant-marker" aria-hidden="true">
            {active ? "●" : "○"}
          </span>
          <span className="variant-name">{name}</span>
          {active && <span className="badge badge-info">{t("variant.active")}</span>}
          <span className="small muted variant-count">{t("variant.areaCount", { count: areas })}</span>
        </button>
      )}
      {!props.renaming && (
        <div className="variant-actions">
          <button
            type="button"
            className="icon-button variant-action"
            aria-label={t("variant.renameNamed", { name })}
            title={t("variant.rename")}
            disabled={readOnly}
            onClick={props.onStartRename}
          >
            ✎
          </button>
          <button
            type="button"
            className="icon-button variant-action"
            aria-label={t("variant.duplicateNamed", { name })}
            title={t("variant.duplicate")}
            disabled={readOnly}
            onClick={props.onDuplicate}
          >
            <DuplicateIcon />
          </button>
          <button
            type="button"
            className="icon-button variant-action variant-action-move"
            aria-label={t("variant.moveUpNamed", { name })}
            title={t("variant.moveUp")}
            disabled={readOnly || index === 0}
            onClick={(event) => moveAndKeepFocus(event.currentTarget, index - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-button variant-action variant-action-move"
            aria-label={t("variant.moveDownNamed", { name })}
            title={t("variant.moveDown")}
            disabled={readOnly || index === count - 1}
            onClick={(event) => moveAndKeepFocus(event.currentTarget, index + 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon-button variant-action variant-delete"
            aria-label={t("variant.deleteNamed", { name })}
            title={t("variant.delete")}
            disabled={readOnly}
            onClick={props.onAskDelete}
          >
            <DeleteIcon />
          </button>
        </div>
      )}
      {props.confirming && (
        <div
          className="variant-confirm"
          role="alertdialog"
          aria-labelledby={`variant-confirm-${variant.id}`}
          onKeyDown={(event) => {
            if (event.key !== "Escape") return;
            event.stopPropagation();
            props.onCancelDelete();
          }}
        >
          <p id={`variant-confirm-${variant.id}`}>{t("variant.deleteConfirm", { name, count: areas })}</p>
          <div className="button-row">
            <button type="button" ref={confirmRef} className="button button-danger" onClick={props.onDelete}>
              {t("variant.deleteConfirmButton")}
            </button>
            <button type="button" className="button" onClick={props.onCancelDelete}>
              {t("variant.cancel")}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function RenameForm({
  name,
  onRename,
  onCancel,
}: {
  name: string;
  onRename(name: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(name);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  return (
    <form
      className="variant-rename"
      onSubmit={(event) => {
        event.preventDefault();
        onRename(value);
      }}
    >
      <label>
        <span className="visually-hidden">{t("variant.renameField", { name })}</span>
        <input
          ref={input}
          type="text"
          value={value}
          maxLength={200}
          aria-describedby="variant-rename-hint"
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              event.stopPropagation();
              onCancel();
            }
          }}
        />
      </label>
      <span id="variant-rename-hint" className="visually-hidden">
        {t("variant.renameHint")}
      </span>
      <button type="submit" className="button button-primary">
        {t("variant.save")}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t("variant.cancel")}
      </button>
    </form>
  );
}

function ComparePicker({ variants, onDone }: { variants: Variant[]; onDone(): void }) {
  const { t } = useTranslation();
  const stored = useSessionStore((s) => s.compareVariantIds);
  const [picked, setPicked] = useState<string[]>(() =>
    initialComparePick(
      variants.map((v) => v.id),
      stored,
    ),
  );
  const valid = picked.length >= MIN_MATRIX_VARIANTS && picked.length <= MAX_MATRIX_VARIANTS;
  // Plan order is kept: the first picked variant is the comparison's baseline.
  const toggle = (id: string, on: boolean) =>
    setPicked((current) =>
      togglePick(
        variants.map((v) => v.id),
        current,
        id,
        on,
      ),
    );
  return (
    <form
      id="variants-compare-pick"
      className="variants-pick"
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        const session = useSessionStore.getState();
        session.setCompareVariantIds(picked);
        session.setView("compare");
        onDone();
      }}
    >
      <fieldset>
        <legend>{t("variant.comparePick")}</legend>
        {variants.map((variant) => {
          const checked = picked.includes(variant.id);
          return (
            <label key={variant.id} className="inline-check">
              <input
                type="checkbox"
                checked={checked}
                disabled={!checked && picked.length >= MAX_MATRIX_VARIANTS}
                onChange={(event) => toggle(variant.id, event.target.checked)}
              />{" "}
              {variant.name}
            </label>
          );
        })}
      </fieldset>
      <p className={`small ${valid ? "muted" : "variants-pick-invalid"}`} aria-live="polite">
        {valid ? t("variant.comparePickCount", { count: picked.length }) : t("variant.comparePickHint")}
      </p>
      <button type="submit" className="button button-primary" disabled={!valid}>
        {t("variant.compareOpen")}
      </button>
    </form>
  );
}

/** Icons drawn as SVG: the UI font has no glyphs for "duplicate" or "waste bin". */
function DuplicateIcon() {
  return (
    <svg className="variant-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="5.5" y="5.5" width="8" height="8" rx="1" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M3 10.5V3.5A1 1 0 0 1 4 2.5h6.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

function DeleteIcon() {
  return (
    <svg className="variant-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M2.5 4h11M6 4V2.5h4V4M4 4l.8 9.5h6.4L12 4M6.8 6.5v5M9.2 6.5v5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
    </svg>
  );
}
