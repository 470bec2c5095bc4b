/** Which of the exchange dialogs (import, export) is open; the header opens them, the workspace shows them. */
import { create } from "zustand";

interface ExchangeDialogsState {
  importOpen: boolean;
  exportOpen: boolean;
  set(patch: Partial<Omit<ExchangeDialogsState, "set">>): void;
}

export const useExchangeDialogs = create<ExchangeDialogsState>()((set) => ({
  importOpen: false,
  exportOpen: false,
  set: (patch) => set(patch),
}));
