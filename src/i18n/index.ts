/**
 * i18next set-up: German first, English as a switch. Messages live in ./messages. The German ones
 * come with the page; the English ones load when first asked for (a chunk of 14 kB gzip on its own,
 * though only about 3.5 kB came off the main bundle, where it compressed along with the German),
 * before the language switches, so no view shows a mix.
 */
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Language } from "./format.ts";
import { de } from "./messages/de.ts";

export type { Language } from "./format.ts";
export { formatDateTime, formatHa, formatKm2, formatNumber, formatResidents } from "./format.ts";

export const LANGUAGES: readonly Language[] = ["de", "en"];

let english: Promise<void> | null = null;

/** Adds the English messages (once). */
function loadEnglish(): Promise<void> {
  english ??= import("./messages/en.ts").then(({ en }) => {
    i18next.addResourceBundle("en", "translation", en);
  });
  return english;
}

/**
 * Starts i18next in `language` or switches to it. Resolves once the language's messages are there and
 * it is the active one (German at once; English after its messages have loaded).
 */
export async function initI18n(language: Language): Promise<typeof i18next> {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      resources: { de: { translation: de } },
      lng: "de",
      fallbackLng: "de",
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  if (language === "en") await loadEnglish();
  if (i18next.language !== language) await i18next.changeLanguage(language);
  return i18next;
}
