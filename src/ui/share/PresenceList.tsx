/**
 * "Wer ist da": the participants of the open shared plan (name, colour, role, the area they have
 * selected), this browser first with its name to change. A browser that never chose a name is asked
 * once. Names come from others and are rendered as text only.
 */
import "./PresenceList.css";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Plan } from "../../domain/model/plan.ts";
import { guestNumber, PRESENCE_LIMITS } from "../../domain/sync/presence.ts";
import { setOwnName, skipOwnName } from "../../persistence/sync/presence.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { type Participant, usePresenceStore } from "../../store/presence-store.ts";

/** The name of the area a participant has selected, with its variant when that is not the open one. */
function selectionOf(plan: Plan, activeVariantId: string, participant: Participant) {
  if (participant.variantId === null || participant.areaId === null) return null;
  const variant = plan.variants[participant.variantId];
  const area = variant?.areas[participant.areaId];
  if (!variant || !area) return null;
  return { area: area.name, variant: participant.variantId === activeVariantId ? null : variant.name };
}

export function PresenceList() {
  const { t } = useTranslation();
  const participants = usePresenceStore((s) => s.participants);
  const nameAsked = usePresenceStore((s) => s.nameAsked);
  const [open, setOpen] = useState(true);
  const [editing, setEditing] = useState(false);
  const headingId = useId();
  if (participants.length === 0) return null;
  return (
    <section className="presence" aria-labelledby={headingId} data-testid="presence">
      <header>
        <h2 id={headingId}>{t("share.presence.heading", { count: participants.length })}</h2>
        <button
          type="button"
          className="icon-button"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          aria-label={open ? t("share.presence.collapse") : t("share.presence.expand")}
        >
          {open ? "−" : "+"}
        </button>
      </header>
      {open && (!nameAsked || editing) && <NameForm asked={nameAsked} onDone={() => setEditing(false)} />}
      {open && (
        <ul className="presence-list">
          {participants.map((participant) => (
            <PresenceRow
              key={participant.clientId}
              participant={participant}
              onRename={participant.self && !editing ? () => setEditing(true) : undefined}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function PresenceRow({ participant, onRename }: { participant: Participant; onRename?: () => void }) {
  const { t } = useTranslation();
  const plan = useDocumentStore((s) => s.plan);
  const activeVariantId = useDocumentStore((s) => s.activeVariantId);
  const selection = selectionOf(plan, activeVariantId, participant);
  const name = participant.name || t("share.presence.guest", { n: guestNumber(participant.participant) });
  return (
    <li
      className="presence-row"
      data-testid="presence-row"
      data-self={participant.self ? "true" : "false"}
      data-colour={participant.colour}
    >
      <span className="presence-dot" aria-hidden="true" style={{ backgroundColor: participant.colour }} />
      <span className="presence-text">
        <span className="presence-name" data-testid="presence-name">
          {name}
          {participant.self && <span className="muted"> {t("share.presence.you")}</span>}
        </span>
        <span className="presence-detail small muted">
          {t(`share.live.role_${participant.role}`)}
          {" · "}
          <span data-testid="presence-selection">
            {selection === null
              ? t("share.presence.noSelection")
              : selection.variant === null
                ? selection.area
                : t("share.presence.inVariant", { area: selection.area, variant: selection.variant })}
          </span>
        </span>
        {onRename && (
          <button
            type="button"
            className="link-button presence-rename"
            onClick={onRename}
            data-testid="presence-rename"
          >
            {t("share.presence.rename")}
          </button>
        )}
      </span>
    </li>
  );
}

/** The name question: once on first joining (with "Später"), and again from "Name ändern". */
function NameForm({ asked, onDone }: { asked: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const ownName = usePresenceStore((s) => s.ownName);
  const [value, setValue] = useState(ownName);
  const inputId = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setOwnName(value);
    onDone();
  };
  const onCancel = () => {
    if (!asked) skipOwnName();
    onDone();
  };
  return (
    <form className="presence-name-form" onSubmit={onSubmit} data-testid="presence-name-form">
      <label htmlFor={inputId} className="small">
        {asked ? t("share.presence.nameLabel") : t("share.presence.nameQuestion")}
      </label>
      <input
        id={inputId}
        type="text"
        value={value}
        maxLength={PRESENCE_LIMITS.name}
        autoComplete="nickname"
        placeholder={t("share.presence.namePlaceholder")}
        onChange={(event) => setValue(event.currentTarget.value)}
        data-testid="presence-name-input"
      />
      <p className="button-row">
        <button type="submit" className="button button-primary" data-testid="presence-name-save">
          {t("share.presence.nameSave")}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {asked ? t("share.presence.nameCancel") : t("share.presence.nameLater")}
        </button>
      </p>
    </form>
  );
}
