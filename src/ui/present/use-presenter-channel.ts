/**
 * The presenter's side of the channel to audience windows: opened once the deck exists, it answers an
 * audience window's "hello" with the deck (in the presenter's language) and the current state, posts
 * every new state, takes keys a clicker typed into an audience window, and says "bye" at the end.
 */
import { type RefObject, useEffect, useMemo, useRef, useState } from "react";
import type { KeyModifiers, PresentationDeck } from "../../domain/workshop/presentation.ts";
import type { PresenterMessage } from "../../domain/workshop/presenter-messages.ts";
import { audienceUrl, openPresenterChannel, type PresenterChannel } from "./presenter-channel.ts";

/** Whether an audience window has said "hello". */
export function usePresenterChannel({
  deck,
  state,
  language,
  onKey,
  onAudience,
}: {
  deck: PresentationDeck | null;
  /** The slide shown, the spotlight (null when off) and whether the screen is blank. */
  state: { index: number; spotlight: { x: number; y: number } | null; blank: boolean };
  language: "de" | "en";
  /** A key forwarded by an audience window. */
  onKey: (key: string, modifiers: KeyModifiers) => boolean;
  /** An audience window said "hello". */
  onAudience: () => void;
}): boolean {
  const [audienceConnected, setAudienceConnected] = useState(false);
  const { index, spotlight, blank } = state;
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
  const channel = useRef<PresenterChannel | null>(null);
  const latest = useRef<{ deck: PresentationDeck | null; message: PresenterMessage | null }>({
    deck: null,
    message: null,
  });
  latest.current = { deck, message: stateMessage };
  const keyHandler = useRef(onKey);
  keyHandler.current = onKey;
  const audienceHandler = useRef(onAudience);
  audienceHandler.current = onAudience;
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
      audienceHandler.current();
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
  return audienceConnected;
}

/**
 * Opens the audience window (a popup the browser may block: then `popupBlocked`). The presenter's own
 * screen shows the presenter view then (`onOpened`); a browser may also leave full screen by itself
 * when a window opens. Neither ends the presentation (`keepOnFullscreenExit`).
 */
export function useAudienceWindow(
  deck: PresentationDeck | null,
  keepOnFullscreenExit: RefObject<boolean>,
  onOpened: () => void,
) {
  const [popupBlocked, setPopupBlocked] = useState(false);
  const openAudience = () => {
    if (!deck) return;
    const opened = window.open(audienceUrl(deck.planId), `pilotkarte-audience-${deck.planId}`, "popup");
    setPopupBlocked(opened === null);
    if (!opened) return;
    onOpened();
    if (document.fullscreenElement) {
      keepOnFullscreenExit.current = true;
      document.exitFullscreen().catch(() => {
        keepOnFullscreenExit.current = false;
      });
    }
  };
  return { openAudience, popupBlocked };
}
