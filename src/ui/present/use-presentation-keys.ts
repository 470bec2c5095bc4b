/**
 * The presentation's keyboard (and presenter clickers, which send arrows or Page Up/Down), the
 * spotlight and the blank screen, the pointer, and full screen: leaving it ends the presentation
 * unless the presenter view left it on purpose.
 */
import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import {
  type KeyModifiers,
  type PresentationAction,
  presentationAction,
} from "../../domain/workshop/presentation.ts";
import { BLANK_KEYS, SPOTLIGHT_KEYS } from "../../domain/workshop/presenter-messages.ts";

/** Keys typed into a control are the control's, not the presentation's. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return true;
  return target.tagName === "BUTTON" && (key === " " || key === "Enter");
}

/**
 * The spotlight and the blank screen, and what a key does (pressed here or forwarded by an audience
 * window): toggle one of them, or move through the slides with `act`.
 */
export function useSlideKeys(act: (action: PresentationAction) => void) {
  const [spotlightOn, setSpotlightOn] = useState(false);
  const [blank, setBlank] = useState(false);
  const toggleSpotlight = useCallback(() => setSpotlightOn((on) => !on), []);
  const toggleBlank = useCallback(() => setBlank((on) => !on), []);
  /** True when the key was used. */
  const onPresentationKey = useCallback(
    (key: string, modifiers: KeyModifiers): boolean => {
      const plain = !modifiers.ctrlKey && !modifiers.altKey && !modifiers.metaKey;
      if (plain && SPOTLIGHT_KEYS.includes(key)) {
        toggleSpotlight();
        return true;
      }
      // Clickers blank the screen with "B" or ".".
      if (plain && BLANK_KEYS.includes(key)) {
        toggleBlank();
        return true;
      }
      const action = presentationAction(key, modifiers);
      if (!action) return false;
      act(action);
      return true;
    },
    [act, toggleSpotlight, toggleBlank],
  );
  return { spotlightOn, toggleSpotlight, blank, toggleBlank, onPresentationKey };
}

/** Escape ends; other keys go to `onKey` (true when it used the key). */
export function usePresentationKeys(
  onKey: (key: string, modifiers: KeyModifiers) => boolean,
  exit: () => void,
) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || ownsKey(event.target, event.key)) return;
      if (event.key === "Escape") {
        event.preventDefault();
        exit();
        return;
      }
      // A clicker's start button sends F5, which would reload the page.
      if (event.key === "F5" || onKey(event.key, event)) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onKey, exit]);
}

/**
 * Leaving full screen (the browser takes Escape for that itself) calls `end`, unless the flag returned
 * was set first (the presenter view leaves full screen when an audience window opens).
 */
export function useEndOnFullscreenExit(end: () => void): RefObject<boolean> {
  const keepOnFullscreenExit = useRef(false);
  useEffect(() => {
    let wasFullscreen = document.fullscreenElement !== null;
    const onChange = () => {
      if (document.fullscreenElement) wasFullscreen = true;
      else if (wasFullscreen) {
        wasFullscreen = false;
        if (keepOnFullscreenExit.current) keepOnFullscreenExit.current = false;
        else end();
      }
    };
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, [end]);
  return keepOnFullscreenExit;
}

/**
 * Passes pointer moves on at most once per frame (they come at screen refresh rate); `setPointer`
 * must be stable (a state setter).
 */
export function useFramePointer(
  setPointer: (point: { x: number; y: number }) => void,
  initial: { x: number; y: number },
) {
  const frame = useRef<number | null>(null);
  const pending = useRef(initial);
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );
  return useCallback(
    (point: { x: number; y: number }) => {
      pending.current = point;
      if (frame.current !== null) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = null;
        setPointer(pending.current);
      });
    },
    [setPointer],
  );
}
