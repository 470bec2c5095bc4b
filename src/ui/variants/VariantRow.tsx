/**
 * One variant in the manager: its switch button (or the rename field), its actions (rename,
 * duplicate, move up and down, delete) and the inline confirmation before a delete.
 */
import { type MouseEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Variant } from "../../domain/model/plan.ts";

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

/** One row; the manager owns which row is renamed or asks before a delete. */
export function VariantRow(props: RowProps) {
  const { t } = useTranslation();
  const { variant, active } = props;
  const name = variant.name;
  const areas = variant.areaOrder.length;
  const rowRef = useRef<HTMLLIElement>(null);
  const wasRenaming = useRef(false);
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
      {!props.renaming && <VariantActions {...props} onMoveAndKeepFocus={moveAndKeepFocus} />}
      {props.confirming && (
        <DeleteConfirm
          variantId={variant.id}
          name={name}
          areas={areas}
          onDelete={props.onDelete}
          onCancel={props.onCancelDelete}
        />
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

/** The row's buttons; a move that disables the pressed button sends the focus to the other one. */
function VariantActions(
  props: RowProps & { onMoveAndKeepFocus: (button: HTMLButtonElement, to: number) => void },
) {
  const { t } = useTranslation();
  const { variant, index, count, readOnly } = props;
  const name = variant.name;
  return (
    <div className="variant-actions">
      <ActionButton
        label={t("variant.renameNamed", { name })}
        title={t("variant.rename")}
        disabled={readOnly}
        onClick={props.onStartRename}
      >
        ✎
      </ActionButton>
      <ActionButton
        label={t("variant.duplicateNamed", { name })}
        title={t("variant.duplicate")}
        disabled={readOnly}
        onClick={props.onDuplicate}
      >
        <DuplicateIcon />
      </ActionButton>
      <ActionButton
        extraClass="variant-action-move"
        label={t("variant.moveUpNamed", { name })}
        title={t("variant.moveUp")}
        disabled={readOnly || index === 0}
        onClick={(event) => props.onMoveAndKeepFocus(event.currentTarget, index - 1)}
      >
        ↑
      </ActionButton>
      <ActionButton
        extraClass="variant-action-move"
        label={t("variant.moveDownNamed", { name })}
        title={t("variant.moveDown")}
        disabled={readOnly || index === count - 1}
        onClick={(event) => props.onMoveAndKeepFocus(event.currentTarget, index + 1)}
      >
        ↓
      </ActionButton>
      <ActionButton
        extraClass="variant-delete"
        label={t("variant.deleteNamed", { name })}
        title={t("variant.delete")}
        disabled={readOnly}
        onClick={props.onAskDelete}
      >
        <DeleteIcon />
      </ActionButton>
    </div>
  );
}

/** One of the row's icon buttons: named for screen readers with the variant, titled for the mouse. */
function ActionButton({
  label,
  title,
  disabled,
  onClick,
  extraClass,
  children,
}: {
  label: string;
  title: string;
  disabled: boolean;
  onClick: (event: MouseEvent<HTMLButtonElement>) => void;
  extraClass?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`icon-button variant-action${extraClass ? ` ${extraClass}` : ""}`}
      aria-label={label}
      title={title}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** "Delete variant … with N areas?" with its buttons; the delete button has the focus. */
function DeleteConfirm({
  variantId,
  name,
  areas,
  onDelete,
  onCancel,
}: {
  variantId: string;
  name: string;
  areas: number;
  onDelete(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    confirmRef.current?.focus();
  }, []);
  return (
    <div
      className="variant-confirm"
      role="alertdialog"
      aria-labelledby={`variant-confirm-${variantId}`}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.stopPropagation();
        onCancel();
      }}
    >
      <p id={`variant-confirm-${variantId}`}>{t("variant.deleteConfirm", { name, count: areas })}</p>
      <div className="button-row">
        <button type="button" ref={confirmRef} className="button button-danger" onClick={onDelete}>
          {t("variant.deleteConfirmButton")}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t("variant.cancel")}
        </button>
      </div>
    </div>
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
