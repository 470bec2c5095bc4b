/**
 * Registers the service worker of the offline app shell (vite-plugin-pwa). Not in `vite` dev, where
 * there is none. A waiting new version is offered through the update prompt, never forced.
 */
import { registerSW } from "virtual:pwa-register";
import { useAppUpdateStore } from "../store/app-update-store.ts";

export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator) || import.meta.env.DEV) return;
  const updateSW = registerSW({
    onNeedRefresh: () => useAppUpdateStore.getState().set({ needRefresh: true }),
    onOfflineReady: () => useAppUpdateStore.getState().set({ offlineReady: true }),
  });
  useAppUpdateStore.getState().set({ update: () => updateSW(true) });
}
