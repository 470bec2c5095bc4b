/**
 * Presentation mode in the main window: one slide per variant and per area, driven by the keyboard or
 * a presenter clicker (arrows, Page Up/Down, 1–9 for variants, Home/End, S for the spotlight, Escape
 * ends). The plan and its figures are frozen when the presentation starts ("Stand"), so editing in
 * another tab does not change numbers in front of an audience.
 *
 * With an audience window open (same app, `?audience=<planId>`) this window turns into the presenter
 * view: the current slide, the next one, speaker notes and the controls; the audience window shows
 * the clean slide and follows over a BroadcastChannel.
 *
 * The presentation is a full-window layer rendered into <body>; the app beneath is made inert, so
 * Tab and screen readers stay on the slide.
 */
import "./present.css";
import "./PresentationView.css";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import type { Plan, Variant } from "../../domain/model/plan.ts";
import {
  applyPresentationAction,
  buildDeck,
  clampSlideIndex,
  deckSlides,
  type KeyModifiers,
  type PresentationAction,
  type PresentationDeck,
  presentationAction,
} from "../../domain/workshop/presentation.ts";
import {
  BLANK_KEYS,
  type PresenterMessage,
  SPOTLIGHT_KEYS,
} from "../../domain/workshop/presenter-messages.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { useSessionStore } from "../../store/session-store.ts";
import { useVariantAnalyses } from "../use-variant-analyses.ts";
import { audienceUrl, openPresenterChannel, type PresenterChannel } from "./presenter-channel.ts";
import { announcement, resolveSlide, SlideStage, type SlideView } from "./SlideStage.tsx";
import { SlideThumbnail } from "./SlideThumbnail.tsx";

type T = (key: string, values?: Record<string, unknown>) => string;

/** The variants to present: those picked for comparing (in that order), else all in plan order. */
function presentedVariants(): { plan: Pick<Plan, "id" | "name">; variants: Variant[] } {
  const { plan } = useDocumentStore.getState();
  const picked = useSessionStore
    .getState()
    .compareVariantIds.flatMap((id) => (Object.hasOwn(plan.variants, id) ? [plan.variants[id]] : []))
    .filter((v): v is Variant => v !== undefined);
  const all = plan.variantOrder.flatMap((id) => (plan.variants[id] ? [plan.variants[id]] : []));
  return { plan: { id: plan.id, name: plan.name }, variants: picked.length > 0 ? picked : all };
}

/** Keys typed into a control are the control's, not the presentation's. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return true;
  return target.tagName === "BUTTON" && (key === " " || key === "Enter");
}

function SpeakerNotes({ view, t }: { view: SlideView; t: T }) {
  const area = view.areaIndex === null ? null : view.variant.areas[view.areaIndex];
  const list = (items: string[]) => (items.length > 0 ? items.join(", ") : t("present.presenter.none"));
  return (
    <section className="present-notes" aria-labelledby="present-notes-title" data-testid="present-notes">
      <h3 id="present-notes-title">{t("present.presenter.notes")}</h3>
      {area ? (
        <dl>
          <dt>{t("present.presenter.fields")}</dt>
          <dd>{list(area.fields.map((f) => t(`layers.fields.${f}`)))}</dd>
          <dt>{t("present.presenter.partners")}</dt>
          <dd>{list(area.partners)}</dd>
          <dt>{t("present.presenter.status")}</dt>
          <dd>{t(`attributes.statuses.${area.status}`)}</dd>
          <dt>{t("present.presenter.areaNotes")}</dt>
          <dd className="present-notes-text">{area.notes.trim() || t("present.presenter.noNotes")}</dd>
        </dl>
      ) : (
        <>
          <p>{t("present.presenter.areasOfVariant")}</p>
          <ul>
            {view.variant.areas.map((a) => (
              <li key={a.id}>
                <strong>{a.name}</strong> — {list(a.fields.map((f) => t(`layers.fields.${f}`)))}
                {a.partners.length > 0 && ` · ${t("present.presenter.partners")}: ${a.partners.join(", ")}`}
                {a.notes.trim() && <span className="present-notes-text"> · {a.notes.trim()}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Minutes and seconds since the presentation started, for the presenter's pacing. */
function ElapsedTime({ since, t }: { since: string; t: T }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  const mm = String(Math.floor(seconds / 60)).padStart(2, "0");
  const ss = String(seconds % 60).padStart(2, "0");
  return <span data-testid="present-elapsed">{t("present.presenter.elapsed", { time: `${mm}:${ss}` })}</span>;
}

/** Makes everything but the presentation layer inert while it is shown. */
function useInertApp(): void {
  useEffect(() => {
    const root = document.getElementById("root");
    if (!root) return;
    root.inert = true;
    return () => {
      root.inert = false;
    };
  }, []);
}

export function PresentationView({ catalogue }: { catalogue: GeneratedCatalogue }) {
  const { t, i18n } = useTranslation();
  const setView = useSessionStore((s) => s.setView);
  // The plan as it is at the start; later edits (e.g. in another tab) do not reach the slides.
  const [start] = useState(presentedVariants);
  const figures = useVariantAnalyses(catalogue, start.variants);
  const [deck, setDeck] = useState<PresentationDeck | null>(null);
  const [slideIndex, setSlideIndex] = useState(0);
  const [spotlightOn, setSpotlightOn] = useState(false);
  const [blank, setBlank] = useState(false);
  const [pointer, setPointer] = useState({ x: 0.5, y: 0.5 });
  const [presenterLayout, setPresenterLayout] = useState(false);
  const [audienceConnected, setAudienceConnected] = useState(false);
  const [popupBlocked, setPopupBlocked] = useState(false);
  const [mapIdle, setMapIdle] = useState(false);
  const channel = useRef<PresenterChannel | null>(null);
  const root = useRef<HTMLElement>(null);
  useInertApp();
  // Focus moves onto the presentation: the button that started it is now beneath an inert layer.
  useEffect(() => root.current?.focus(), []);

  useEffect(() => {
    if (deck || figures.state !== "ready") return;
    setDeck(buildDeck(start.plan, start.variants, figures.figures, new Date().toISOString()));
  }, [deck, figures, start]);

  // Switching between slide and presenter view draws the slide's map anew.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the layout is the trigger
  useEffect(() => setMapIdle(false), [presenterLayout]);

  const slides = useMemo(() => (deck ? deckSlides(deck) : []), [deck]);
  const index = clampSlideIndex(slides, slideIndex);
  const view = deck ? resolveSlide(deck, slides[index], t) : null;
  const next = deck && index + 1 < slides.length ? resolveSlide(deck, slides[index + 1], t) : null;
  const spotlight = spotlightOn ? pointer : null;

  const exit = useCallback(() => {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    setView("workspace");
  }, [setView]);

  const act = useCallback(
    (action: PresentationAction) => {
      setMapIdle(false);
      setSlideIndex((current) => applyPresentationAction(slides, clampSlideIndex(slides, current), action));
    },
    [slides],
  );

  /** Acts on a key (pressed here or forwarded by an audience window); true when it was used. */
  const onPresentationKey = useCallback(
    (key: string, modifiers: KeyModifiers): boolean => {
      const plain = !modifiers.ctrlKey && !modifiers.altKey && !modifiers.metaKey;
      if (plain && SPOTLIGHT_KEYS.includes(key)) {
        setSpotlightOn((on) => !on);
        return true;
      }
      // Clickers blank the screen with "B" or ".".
      if (plain && BLANK_KEYS.includes(key)) {
        setBlank((on) => !on);
        return true;
      }
      const action = presentationAction(key, modifiers);
      if (!action) return false;
      act(action);
      return true;
    },
    [act],
  );
  const keyHandler = useRef(onPresentationKey);
  keyHandler.current = onPresentationKey;

  // Keyboard and presenter clickers (which send arrows or Page Up/Down).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || ownsKey(event.target, event.key)) return;
      if (event.key === "Escape") {
        event.preventDefault();
        exit();
        return;
      }
      // A clicker's start button sends F5, which would reload the page.
      if (event.key === "F5" || onPresentationKey(event.key, event)) event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onPresentationKey, exit]);

  // Leaving full screen (the browser takes Escape for that itself) ends the presentation too, unless
  // the presenter view left it on purpose (the audience window is on the projector then).
  const keepOnFullscreenExit = useRef(false);
  useEffect(() => {
    let wasFullscreen = document.fullscreenElement !== null;
    const onChange = () => {
      if (document.fullscreenElement) wasFullscreen = true;
      else if (wasFullscreen) {
        wasFullscreen = false;
        if (keepOnFullscreenExit.current) keepOnFullscreenExit.current = false;
        else setView("workspace");
      }
    };
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, [setView]);

  // The channel to audience windows: opened once the deck exists, "bye" when the presentation ends.
  const latest = useRef<{ deck: PresentationDeck | null; message: PresenterMessage | null }>({
    deck: null,
    message: null,
  });
  const stateMessage: PresenterMessage | null = useMemo(
    () =>
      deck && deck.variants.length > 0
        ? {
            type: "state",
            planId: deck.planId,
            slideIndex: index,
            variantIds: deck.variants.map((v) => v.id),
            frozenAt: deck.frozenAt,
            spotlight,
            ...(blank ? { blank: true as const } : {}),
          }
        : null,
    [deck, index, spotlight, blank],
  );
  latest.current = { deck, message: stateMessage };
  const language = i18n.language === "en" ? "en" : "de";
  const languageRef = useRef<"de" | "en">(language);
  useEffect(() => {
    if (!deck) return;
    const opened = openPresenterChannel(deck.planId, (message) => {
      if (message.type === "key") {
        keyHandler.current(message.key, { shiftKey: message.shiftKey });
        return;
      }
      if (message.type !== "hello") return;
      setAudienceConnected(true);
      setPresenterLayout(true);
      const current = latest.current;
      if (current.deck) opened?.post({ type: "deck", deck: current.deck, language: languageRef.current });
      if (current.message) opened?.post(current.message);
    });
    channel.current = opened;
    // An audience window opened before the figures were ready has said "hello" to nobody: tell it now.
    opened?.post({ type: "deck", deck, language: languageRef.current });
    if (latest.current.message) opened?.post(latest.current.message);
    return () => {
      opened?.post({ type: "bye" });
      opened?.close();
      channel.current = null;
    };
  }, [deck]);
  useEffect(() => {
    languageRef.current = language;
    if (deck && audienceConnected) channel.current?.post({ type: "deck", deck, language });
  }, [language, deck, audienceConnected]);
  useEffect(() => {
    if (stateMessage) channel.current?.post(stateMessage);
  }, [stateMessage]);

  // Pointer positions come at screen refresh rate; one update per frame is plenty.
  const frame = useRef<number | null>(null);
  const pending = useRef(pointer);
  const onPointer = useCallback((point: { x: number; y: number }) => {
    pending.current = point;
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      setPointer(pending.current);
    });
  }, []);
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const openAudience = () => {
    if (!deck) return;
    const opened = window.open(audienceUrl(deck.planId), `pilotkarte-audience-${deck.planId}`, "popup");
    setPopupBlocked(opened === null);
    if (!opened) return;
    setPresenterLayout(true);
    // The presenter's own screen shows the presenter view now; a browser may also leave full screen by
    // itself when a window opens. Neither ends the presentation.
    if (document.fullscreenElement) {
      keepOnFullscreenExit.current = true;
      document.exitFullscreen().catch(() => {
        keepOnFullscreenExit.current = false;
      });
    }
  };

  const controls = (
    <div className="present-controls" role="toolbar" aria-label={t("present.controls.toolbar")}>
      <button type="button" onClick={() => act({ type: "previous" })} disabled={index === 0}>
        ← {t("present.controls.previous")}
      </button>
      <button type="button" onClick={() => act({ type: "next" })} disabled={index >= slides.length - 1}>
        {t("present.controls.next")} →
      </button>
      <button
        type="button"
        aria-pressed={spotlightOn}
        onClick={() => setSpotlightOn((on) => !on)}
        data-testid="present-spotlight-toggle"
      >
        {t("present.controls.spotlight")}
      </button>
      <button type="button" aria-pressed={blank} onClick={() => setBlank((on) => !on)}>
        {t("present.controls.blank")}
      </button>
      <button type="button" onClick={openAudience} title={t("present.controls.audienceTitle")}>
        {t("present.controls.audience")}
      </button>
      <button type="button" aria-pressed={presenterLayout} onClick={() => setPresenterLayout((on) => !on)}>
        {presenterLayout ? t("present.controls.slideView") : t("present.controls.presenterView")}
      </button>
      <button type="button" onClick={exit} data-testid="present-exit">
        {t("present.controls.exit")}
      </button>
    </div>
  );

  let content: ReactNode;
  if (figures.state === "failed") {
    content = (
      <div className="present-message" role="alert">
        <p>{t("present.failed")}</p>
        {controls}
      </div>
    );
  } else if (!deck || !view) {
    content = (
      <div className="present-message" role="status" data-testid="present-loading">
        <p>{t("present.loading")}</p>
        <button type="button" onClick={exit}>
          {t("present.controls.exit")}
        </button>
      </div>
    );
  } else {
    const stage = (
      <SlideStage
        catalogue={catalogue}
        deck={deck}
        view={view}
        spotlight={spotlight}
        blank={blank ? (presenterLayout ? "presenter" : "audience") : null}
        onPointer={onPointer}
        onMapIdle={() => setMapIdle(true)}
      >
        {!presenterLayout && controls}
      </SlideStage>
    );
    content = presenterLayout ? (
      <div className="present-presenter" data-testid="present-presenter">
        <div className="present-presenter-current">
          <h3 className="present-presenter-label">
            {t("present.presenter.current")} ·{" "}
            {t("present.slideNumber", { n: index + 1, total: slides.length })}
          </h3>
          <div className="present-presenter-stage">{stage}</div>
          {controls}
          <p className="present-status">
            <span data-testid="present-audience-status">
              {audienceConnected
                ? t("present.controls.audienceConnected")
                : t("present.controls.audienceNone")}
            </span>
            {" · "}
            <ElapsedTime since={deck.frozenAt} t={t} />
          </p>
        </div>
        <div className="present-presenter-side">
          <h3 className="present-presenter-label">{t("present.presenter.next")}</h3>
          {next ? (
            <SlideThumbnail view={next} />
          ) : (
            <p className="present-thumb-end">{t("present.presenter.end")}</p>
          )}
          <SpeakerNotes view={view} t={t} />
          <p className="present-keys">{t("present.controls.keys")}</p>
        </div>
      </div>
    ) : (
      stage
    );
  }

  return createPortal(
    <main
      ref={root}
      tabIndex={-1}
      className={`present${presenterLayout ? " present-is-presenter" : ""}`}
      aria-label={t("present.label")}
      data-testid="presentation"
      data-map-idle={mapIdle ? "true" : "false"}
    >
      <p className="visually-hidden" aria-live="polite" data-testid="present-announce">
        {view ? announcement(view, t) : ""}
      </p>
      {popupBlocked && (
        <p className="present-popup-blocked" role="alert">
          {t("present.controls.popupBlocked")}
        </p>
      )}
      {content}
    </main>,
    document.body,
  );
}
