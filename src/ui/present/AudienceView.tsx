/**
 * The audience window (`?audience=<planId>`): only the clean slide, following the presenter window
 * over the plan's BroadcastChannel. It says "hello" when it opens and gets the frozen deck (names,
 * shapes, figures) and the current state, so it needs neither the plan storage nor the analysis
 * worker, and shows exactly the presenter's numbers. A state for a deck it does not have (the
 * presenter restarted) makes it ask again.
 */
import "./present.css";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { clampSlideIndex, deckSlides, type PresentationDeck } from "../../domain/workshop/presentation.ts";
import { isForwardedKey, type PresenterMessage } from "../../domain/workshop/presenter-messages.ts";
import { initI18n, type Language } from "../../i18n/index.ts";
import { useCatalogueStore } from "../../store/catalogue-store.ts";
import { ErrorBoundary } from "../ErrorBoundary.tsx";
import { openPresenterChannel, type PresenterChannel } from "./presenter-channel.ts";
import { announcement, resolveSlide, SlideStage } from "./SlideStage.tsx";

type SlideState = Extract<PresenterMessage, { type: "state" }>;

/** A new "hello" at most this often while the deck and the state do not match. */
const HELLO_INTERVAL_MS = 1000;

/** Double-click anywhere: full screen on the projector and back (F11 works too). */
function toggleFullscreen(): void {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  else document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/**
 * Listens to the presenter: the deck (and its language), the state to show, and "bye". Says "hello"
 * when it opens, and again (at most once a second) while the state is for a deck it does not have.
 * Keys typed here go to the presenter.
 */
function useAudienceChannel(planId: string) {
  const [deck, setDeck] = useState<PresentationDeck | null>(null);
  const [state, setState] = useState<SlideState | null>(null);
  const [ended, setEnded] = useState(false);
  const [language, setLanguage] = useState<Language | null>(null);
  const deckRef = useRef<PresentationDeck | null>(null);
  const channelRef = useRef<PresenterChannel | null>(null);
  useEffect(() => {
    let lastHello = 0;
    const channel = openPresenterChannel(planId, (message) => {
      switch (message.type) {
        case "deck":
          if (message.deck.planId !== planId) return;
          deckRef.current = message.deck;
          setDeck(message.deck);
          setLanguage(message.language);
          setEnded(false);
          return;
        case "state": {
          if (message.planId !== planId) return;
          setEnded(false);
          setState(message);
          const known = deckRef.current;
          if ((!known || known.frozenAt !== message.frozenAt) && Date.now() - lastHello > HELLO_INTERVAL_MS) {
            lastHello = Date.now();
            channel?.post({ type: "hello" });
          }
          return;
        }
        case "bye":
          setEnded(true);
          return;
        case "hello":
          return;
      }
    });
    channelRef.current = channel;
    lastHello = Date.now();
    channel?.post({ type: "hello" });
    return () => {
      channelRef.current = null;
      channel?.close();
    };
  }, [planId]);
  // A clicker typing into this window (it often has the focus on the projector) drives the presenter.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || !isForwardedKey(event.key, event.shiftKey)) {
        if (event.key === "F5") event.preventDefault();
        return;
      }
      event.preventDefault();
      channelRef.current?.post({ type: "key", key: event.key, shiftKey: event.shiftKey });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return { deck, state, ended, language };
}

function Audience({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const status = useCatalogueStore((s) => s.status);
  const { deck, state, ended, language } = useAudienceChannel(planId);
  const [mapIdle, setMapIdle] = useState(false);

  useEffect(() => {
    void useCatalogueStore.getState().load(import.meta.env.BASE_URL);
  }, []);

  useEffect(() => {
    document.title = `${t("present.audience.title")} – ${t("app.title")}`;
  }, [t]);

  useEffect(() => {
    if (!language) return;
    let live = true;
    void initI18n(language).then(() => {
      if (live) document.documentElement.lang = language;
    });
    return () => {
      live = false;
    };
  }, [language]);

  const slides = useMemo(() => (deck ? deckSlides(deck) : []), [deck]);
  const matching = deck && state && deck.frozenAt === state.frozenAt ? state : null;
  const view =
    matching && deck ? resolveSlide(deck, slides[clampSlideIndex(slides, matching.slideIndex)], t) : null;
  const slideKey = matching?.slideIndex;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new slide means the map draws again
  useEffect(() => setMapIdle(false), [slideKey]);

  let content: ReactNode;
  if (ended) {
    content = (
      <div className="present-message" role="status" data-testid="audience-ended">
        <p>{t("present.audience.ended")}</p>
      </div>
    );
  } else if (status.state === "failed") {
    content = (
      <div className="present-message" role="alert">
        <p>{t("app.loadFailedTitle")}</p>
      </div>
    );
  } else if (status.state !== "ready" || !deck || !view) {
    content = (
      <div className="present-message" role="status" data-testid="audience-waiting">
        <p>{t("present.audience.waiting")}</p>
        <p className="present-message-hint">{t("present.audience.waitingHint")}</p>
      </div>
    );
  } else {
    content = (
      <SlideStage
        catalogue={status.catalogue}
        deck={deck}
        view={view}
        spotlight={matching?.spotlight ?? null}
        blank={matching?.blank ? "audience" : null}
        onMapIdle={() => setMapIdle(true)}
      />
    );
  }
  return (
    <main
      className="present present-audience"
      aria-label={t("present.audience.title")}
      data-testid="audience"
      data-map-idle={mapIdle ? "true" : "false"}
      onDoubleClick={toggleFullscreen}
    >
      <p className="visually-hidden" aria-live="polite" data-testid="present-announce">
        {view ? announcement(view, t) : ""}
      </p>
      {content}
    </main>
  );
}

export function AudienceView({ planId }: { planId: string }) {
  const { t } = useTranslation();
  return (
    <ErrorBoundary title={t("app.crashTitle")} reloadLabel={t("app.reload")}>
      <Audience planId={planId} />
    </ErrorBoundary>
  );
}
