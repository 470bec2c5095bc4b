/** The offline app shell's state: ready for offline use, or a new version waiting to be activated. */
import { create } from "zustand";

interface AppUpdateState {
  offlineReady: boolean;
  needRefresh: boolean;
  /** Activates the waiting version and reloads; set by the service-worker registration. */
  update: (() => Promise<void>) | null;
  set(patch: Partial<Omit<AppUpdateState, "set">>): void;
}

export const useAppUpdateStore = create<AppUpdateState>()((set) => ({
  offlineReady: false,
  needRefresh: false,
  update: null,
  set: (patch) => set(patch),
}));
