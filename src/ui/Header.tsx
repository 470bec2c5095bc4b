/** The app bar: title, "about the data", language switch. */
import "./Header.css";
import { useTranslation } from "react-i18next";
import { useExchangeDialogs } from "../store/import-export-dialogs.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { useSessionStore } from "../store/session-store.ts";
import { useStorageStore } from "../store/storage-store.ts";
import { startPresentation } from "./present/start-presentation.ts";
import { SaveStatus } from "./SaveStatus.tsx";
import { ShareButton } from "./share/ShareButton.tsx";

export function Header() {
  const { t } = useTranslation();
  const language = useSessionStore((s) => s.language);
  const setLanguage = useSessionStore((s) => s.setLanguage);
  const setAboutOpen = useSessionStore((s) => s.setAboutOpen);
  const planName = useDocumentStore((s) => s.plan.name);
  const setStorage = useStorageStore((s) => s.set);
  const ready = useStorageStore((s) => s.ready);
  const setExchangeDialogs = useExchangeDialogs((s) => s.set);
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t("app.title")}</h1>
        <p>{t("app.subtitle")}</p>
      </div>
      {ready && (
        <div className="plan-bar">
          <button
            type="button"
            className="plan-name"
            onClick={() => setStorage({ plansOpen: true })}
            title={t("plans.open")}
          >
            <span className="muted-light">{t("plans.current")}:</span> {planName}
          </button>
          <SaveStatus />
          <button type="button" className="button" onClick={() => setStorage({ historyOpen: true })}>
            {t("history.open")}
          </button>
          <ShareButton />
          <button type="button" className="button" onClick={() => setStorage({ plansOpen: true })}>
            {t("plans.open")}
          </button>
          <button
            type="button"
            className="button"
            onClick={startPresentation}
            title={t("present.startTitle")}
            data-testid="present-start"
          >
            {t("present.start")}
          </button>
          <button type="button" className="button" onClick={() => setExchangeDialogs({ importOpen: true })}>
            {t("exchange.openImport")}
          </button>
          <button type="button" className="button" onClick={() => setExchangeDialogs({ exportOpen: true })}>
            {t("exchange.openExport")}
          </button>
        </div>
      )}
      <div className="header-actions">
        <button type="button" className="button" onClick={() => setAboutOpen(true)}>
          {t("app.aboutData")}
        </button>
        <fieldset className="language-switch">
          <legend className="visually-hidden">{t("app.language")}</legend>
          <button type="button" aria-pressed={language === "de"} lang="de" onClick={() => setLanguage("de")}>
            DE<span className="visually-hidden"> – {t("app.switchToGerman")}</span>
          </button>
          <button type="button" aria-pressed={language === "en"} lang="en" onClick={() => setLanguage("en")}>
            EN<span className="visually-hidden"> – {t("app.switchToEnglish")}</span>
          </button>
        </fieldset>
      </div>
    </header>
  );
}
