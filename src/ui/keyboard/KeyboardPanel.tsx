/**
 * The keyboard side of drawing: the key help the map canvas points to, a polite live region that
 * words every step of keyboard drawing and vertex editing, and (while drawing or editing) the drawing
 * panel beside the map with the point count, a field for a typed coordinate (WGS84 or EPSG:25832) and
 * finish/cancel buttons.
 */
import "./KeyboardPanel.css";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ParsedCoordinate } from "../../domain/geometry/parse-coordinate.ts";
import { formatNumber, type Language } from "../../i18n/index.ts";
import {
  KEYBOARD_HELP_ID,
  type KeyboardDrawEvent,
  keyboardDrawCommands,
  type LonLat,
  useKeyboardDraw,
} from "../../map/draw/KeyboardDrawState.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { DRAWING_TOOLS, useSessionStore } from "../../store/session-store.ts";
import { formatAreaM2 } from "../Toolbar.tsx";

type T = (key: string, values?: Record<string, unknown>) => string;

/** "51,51234 N, 7,46543 O": five decimals are about a metre. */
export function formatPosition(at: LonLat, language: Language, t: T): string {
  return t("a11y.keyboard.position", {
    lat: formatNumber(at[1], language, 5),
    lon: formatNumber(at[0], language, 5),
  });
}

/** The sentence announced for one step of keyboard drawing. */
export function describeEvent(event: KeyboardDrawEvent, language: Language, t: T): string {
  const e = "a11y.keyboard.events";
  switch (event.kind) {
    case "crosshair":
      return t(`${e}.crosshair`, { position: formatPosition(event.at, language, t) });
    case "vertex-added":
      return t(`${e}.vertexAdded`, { index: event.index, position: formatPosition(event.at, language, t) });
    case "vertex-removed":
      return t(`${e}.vertexRemoved`, { remaining: event.remaining });
    case "too-few":
      return t(`${e}.tooFew`, { count: event.count });
    case "cancelled":
      return t(`${e}.cancelled`);
    case "created":
      return t(`${e}.created`, { name: event.name, area: formatAreaM2(event.areaM2, language) });
    case "refused":
      return t(`draw.refused.${event.reason}`, {
        area: formatNumber(Math.round(event.areaM2), language),
        min: formatNumber(event.minAreaM2, language),
      });
    case "tool-not-supported":
      return t(`${e}.toolNotSupported`);
    case "edit-started":
      return t(`${e}.editStarted`, {
        name: event.name,
        count: event.count,
        position: formatPosition(event.at, language, t),
      });
    case "vertex-selected":
      return t(`${e}.vertexSelected`, {
        index: event.index,
        count: event.count,
        position: formatPosition(event.at, language, t),
      });
    case "vertex-moved":
      return t(`${e}.vertexMoved`, { index: event.index, position: formatPosition(event.at, language, t) });
    case "vertex-inserted":
      return t(`${e}.vertexInserted`, {
        index: event.index,
        count: event.count,
        position: formatPosition(event.at, language, t),
      });
    case "vertex-deleted":
      return t(`${e}.vertexDeleted`, { index: event.index, count: event.count });
    case "cannot-delete":
      return t(`${e}.cannotDelete`);
    case "edit-committed":
      return t(`${e}.editCommitted`, { name: event.name, area: formatAreaM2(event.areaM2, language) });
    case "edit-cancelled":
      return t(`${e}.editCancelled`);
    case "not-editable":
      return t(`${e}.notEditable`);
  }
}

type Parse = typeof import("../../domain/geometry/parse-coordinate.ts").parseCoordinate;
let parser: Parse | null = null;

/** The parser brings proj4: loaded when the field first shows, not with the page. */
async function loadParser(): Promise<Parse> {
  if (!parser) parser = (await import("../../domain/geometry/parse-coordinate.ts")).parseCoordinate;
  return parser;
}

/** The typed-coordinate field: reads the text, then places a point or moves the edited vertex. */
function CoordinateForm({ editing }: { editing: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const id = useId();
  const [text, setText] = useState("");
  const [message, setMessage] = useState<{ kind: "error" | "note"; text: string } | null>(null);

  useEffect(() => {
    void loadParser();
  }, []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const submitted = text;
    const parse = parser ?? (await loadParser());
    const parsed: ParsedCoordinate = parse(submitted);
    if (!parsed.ok) {
      setMessage({ kind: "error", text: t(`a11y.coordinate.problems.${parsed.problem}`) });
      return;
    }
    const at: LonLat = [parsed.lon, parsed.lat];
    const placed = keyboardDrawCommands()?.placeAt(at) ?? false;
    if (!placed) {
      setMessage({ kind: "error", text: t("a11y.coordinate.outsideMap") });
      return;
    }
    const read = t("a11y.coordinate.placed", { position: formatPosition(at, language, t), crs: parsed.crs });
    setMessage({
      kind: "note",
      text: parsed.warning ? `${read} ${t("a11y.coordinate.outside")}` : read,
    });
    // Cleared for the next point, unless the planner already typed on.
    setText((current) => (current === submitted ? "" : current));
  };

  return (
    <form className="keyboard-coordinate" onSubmit={(e) => void onSubmit(e)} noValidate>
      <label htmlFor={`${id}-input`}>{t("a11y.keyboard.coordinate")}</label>
      <div className="keyboard-coordinate-row">
        <input
          id={`${id}-input`}
          type="text"
          value={text}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint ${id}-message`}
          aria-invalid={message?.kind === "error" ? true : undefined}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="coordinate-input"
        />
        <button type="submit" className="button">
          {t(editing ? "a11y.keyboard.moveVertex" : "a11y.keyboard.place")}
        </button>
      </div>
      <p id={`${id}-hint`} className="small muted">
        {t("a11y.keyboard.coordinateHint")}
      </p>
      <p
        id={`${id}-message`}
        className={message?.kind === "error" ? "small keyboard-error" : "small"}
        data-testid="coordinate-message"
        role={message?.kind === "error" ? "alert" : undefined}
      >
        {message?.text ?? ""}
      </p>
    </form>
  );
}

/** Live region and key help: always mounted, so that announcements are heard. */
export function KeyboardAnnouncer() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const event = useKeyboardDraw((s) => s.event);
  const seq = useKeyboardDraw((s) => s.seq);
  const [text, setText] = useState("");
  useEffect(() => {
    // seq changes with every event, so the same sentence twice is announced twice.
    void seq;
    setText(event ? describeEvent(event, language, t) : "");
  }, [event, seq, language, t]);
  return (
    <>
      <p id={KEYBOARD_HELP_ID} className="visually-hidden">
        {t("a11y.keyboard.help")}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="keyboard-announcement">
        {text}
      </p>
    </>
  );
}

/**
 * The drawing panel, beside the map while a drawing tool is on or points are edited: how many points the
 * shape has (placed with the mouse, the keyboard or typed), a typed coordinate, finish and cancel.
 */
export function KeyboardPanel() {
  const { t } = useTranslation();
  const tool = useSessionStore((s) => s.tool);
  const keyboardVertices = useKeyboardDraw((s) => s.vertices);
  const pointerPoints = useKeyboardDraw((s) => s.pointerPoints);
  // One shape, whichever input placed its points (the keyboard's takes the pointer's over when used).
  const vertices = keyboardVertices.length > 0 ? keyboardVertices : pointerPoints;
  const edit = useKeyboardDraw((s) => s.edit);
  const headingId = useId();
  // A read-only tab (another tab edits the plan) draws nothing.
  const readOnly = useDocumentStore((s) => s.readOnly);
  if (readOnly || (!edit && !DRAWING_TOOLS.includes(tool))) return null;
  const commands = keyboardDrawCommands();
  return (
    <section className="keyboard-panel" aria-labelledby={headingId} data-testid="keyboard-panel">
      <h2 id={headingId} className="keyboard-panel-title">
        {t("a11y.keyboard.heading")}
      </h2>
      {edit ? (
        <>
          <p className="small" data-testid="keyboard-status">
            {t("a11y.keyboard.editing", {
              index: edit.current + 1,
              count: edit.ring.length,
              name: edit.name,
            })}
          </p>
          <p className="small muted">{t("a11y.keyboard.editHelp")}</p>
        </>
      ) : (
        <p className="small" data-testid="keyboard-status">
          {tool !== "polygon"
            ? t("a11y.keyboard.polygonOnly")
            : vertices.length === 0
              ? t("a11y.keyboard.noPoints")
              : t("a11y.keyboard.points", { count: vertices.length })}
        </p>
      )}
      <CoordinateForm editing={edit !== null} />
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={!edit && vertices.length < 3}
          onClick={() => commands?.finish()}
        >
          {t(edit ? "a11y.keyboard.commit" : "a11y.keyboard.finish")}
        </button>
        <button
          type="button"
          className="button"
          disabled={!edit && vertices.length === 0}
          onClick={() => commands?.cancel()}
        >
          {t("a11y.keyboard.cancel")}
        </button>
        <button type="button" className="button" onClick={() => commands?.focusMap()}>
          {t("a11y.keyboard.focusMap")}
        </button>
      </div>
    </section>
  );
}
