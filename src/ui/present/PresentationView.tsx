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
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import { useSessionStore } from "../../store/session-store.ts";
import { PresentationControls } from "./PresentationControls.tsx";
import { PresenterView } from "./PresenterView.tsx";
import { announcement, resolveSlide, SlideStage } from "./SlideStage.tsx";
import { usePresentationDeck } from "./use-presentation-deck.ts";
import {
  useEndOnFullscreenExit,
  useFramePointer,
  usePresentationKeys,
  useSlideKeys,
} from "./use-presentation-keys.ts";
import { useAudienceWindow, usePresenterChannel } from "./use-presenter-channel.ts";

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
  const [pointer, setPointer] = useState({ x: 0.5, y: 0.5 });
  const [presenterLayout, setPresenterLayout] = useState(false);
  const [mapIdle, setMapIdle] = useState(false);
  const mapRedraws = useCallback(() => setMapIdle(false), []);
  const { failed, deck, slides, index, act } = usePresentationDeck(catalogue, mapRedraws);
  const { spotlightOn, toggleSpotlight, blank, toggleBlank, onPresentationKey } = useSlideKeys(act);
  const root = useRef<HTMLElement>(null);
  useInertApp();
  // Focus moves onto the presentation: the button that started it is now beneath an inert layer.
  useEffect(() => root.current?.focus(), []);

  // Switching between slide and presenter view draws the slide's map anew.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the layout is the trigger
  useEffect(() => setMapIdle(false), [presenterLayout]);

  const view = deck ? resolveSlide(deck, slides[index], t) : null;
  const next = deck && index + 1 < slides.length ? resolveSlide(deck, slides[index + 1], t) : null;
  const spotlight = spotlightOn ? pointer : null;

  const exit = useCallback(() => {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    setView("workspace");
  }, [setView]);
  const end = useCallback(() => setView("workspace"), [setView]);

  usePresentationKeys(onPresentationKey, exit);
  const keepOnFullscreenExit = useEndOnFullscreenExit(end);

  const audienceConnected = usePresenterChannel({
    deck,
    state: { index, spotlight, blank },
    language: i18n.language === "en" ? "en" : "de",
    onKey: onPresentationKey,
    onAudience: () => setPresenterLayout(true),
  });
  const onPointer = useFramePointer(setPointer, pointer);

  const { openAudience, popupBlocked } = useAudienceWindow(deck, keepOnFullscreenExit, () =>
    setPresenterLayout(true),
  );

  const controls = (
    <PresentationControls
      index={index}
      count={slides.length}
      spotlightOn={spotlightOn}
      blank={blank}
      presenterLayout={presenterLayout}
      onAct={act}
      onSpotlight={toggleSpotlight}
      onBlank={toggleBlank}
      onAudience={openAudience}
      onLayout={() => setPresenterLayout((on) => !on)}
      onExit={exit}
    />
  );

  let content: ReactNode;
  if (failed || !deck || !view) {
    content = <PresentationWaiting failed={failed} controls={controls} onExit={exit} />;
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
      <PresenterView
        stage={stage}
        controls={controls}
        view={view}
        next={next}
        index={index}
        count={slides.length}
        audienceConnected={audienceConnected}
        since={deck.frozenAt}
      />
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

/** Before the slides: the figures are being computed, or they could not be. */
function PresentationWaiting({
  failed,
  controls,
  onExit,
}: {
  failed: boolean;
  controls: ReactNode;
  onExit: () => void;
}) {
  const { t } = useTranslation();
  return failed ? (
    <div className="present-message" role="alert">
      <p>{t("present.failed")}</p>
      {controls}
    </div>
  ) : (
    <div className="present-message" role="status" data-testid="present-loading">
      <p>{t("present.loading")}</p>
      <button type="button" onClick={onExit}>
        {t("present.controls.exit")}
      </button>
    </div>
  );
}
