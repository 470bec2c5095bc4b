/** Starts presentation mode from a click: the presentation screen, in full screen where allowed. */
import { useSessionStore } from "../../store/session-store.ts";

export function startPresentation(): void {
  useSessionStore.getState().setView("present");
  // Full screen needs the click's user activation, so it is asked for here, not when the view mounts.
  // A refusal (iframe, browser setting, test browser) is fine: the presentation fills the window.
  const root = document.documentElement;
  if (!document.fullscreenElement && typeof root.requestFullscreen === "function") {
    root.requestFullscreen().catch(() => undefined);
  }
}
