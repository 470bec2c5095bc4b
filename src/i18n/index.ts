/** i18next set-up: German first, English as a switch. Messages live in ./messages. */
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Language } from "./format.ts";
import { de } from "./messages/de.ts";
import { en } from "./messages/en.ts";

export type { Language } from "./format.ts";
export { formatDateTime, formatHa, formatKm2, formatNumber, formatResidents } from "./format.ts";

export const LANGUAGES: readonly Language[] = ["de", "en"];

export function initI18n(language: Language): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { de: { translation: de }, en: { translation: en } },
      lng: language,
      fallbackLng: "de",
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  } else if (i18next.language !== language) {
    void i18next.changeLanguage(language);
  }
  return i18next;
}
