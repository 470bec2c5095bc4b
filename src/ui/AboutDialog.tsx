/** "About the data": the whole catalogue with publisher, licence, credit, date, count and caveats. */
import "./AboutDialog.css";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { GeneratedCatalogue } from "../domain/model/catalogue.ts";
import { formatDateTime, formatNumber } from "../i18n/index.ts";
import { BASEMAPDE_CREDIT, OSM_CREDIT } from "../map/map-style.ts";
import { useSessionStore } from "../store/session-store.ts";
import { useModal } from "./use-dialog.ts";

export function AboutDialog({ catalogue }: { catalogue: GeneratedCatalogue }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as "de" | "en";
  const open = useSessionStore((s) => s.aboutOpen);
  const setAboutOpen = useSessionStore((s) => s.setAboutOpen);
  const dialog = useRef<HTMLDialogElement>(null);

  useModal(dialog, open);

  return (
    <dialog
      ref={dialog}
      className="about-dialog"
      aria-labelledby="about-title"
      onClose={() => setAboutOpen(false)}
    >
      <header>
        <h2 id="about-title">{t("about.heading")}</h2>
        <button
          type="button"
          className="icon-button"
          onClick={() => setAboutOpen(false)}
          aria-label={t("app.close")}
        >
          ×
        </button>
      </header>
      <p>{t("about.intro")}</p>
      <p className="muted small">
        {t("about.generated", {
          date: formatDateTime(catalogue.generatedAt, language),
          folder: catalogue.sourceFolder,
        })}
      </p>
      <div className="table-scroll">
        <table className="catalogue-table">
          <thead>
            <tr>
              <th scope="col">{t("about.columns.layer")}</th>
              <th scope="col">{t("about.columns.kind")}</th>
              <th scope="col">{t("about.columns.publisher")}</th>
              <th scope="col">{t("about.columns.licence")}</th>
              <th scope="col">{t("about.columns.credit")}</th>
              <th scope="col">{t("about.columns.date")}</th>
              <th scope="col" className="num">
                {t("about.columns.count")}
              </th>
              <th scope="col">{t("about.columns.notes")}</th>
            </tr>
          </thead>
          <tbody>
            {catalogue.entries.map((entry) => (
              <tr key={entry.id} data-layer={entry.id}>
                <th scope="row">{entry.title[language]}</th>
                <td>{t(`about.kinds.${entry.kind}`)}</td>
                <td>{entry.publisher}</td>
                <td>
                  <a href={entry.licence.url} target="_blank" rel="noopener noreferrer">
                    {entry.licence.id}
                  </a>
                  {entry.licence.unverified && (
                    <span className="badge badge-warning">{t("about.unverified")}</span>
                  )}
                </td>
                {/* Credits are the publishers' own German wording, kept verbatim in either language. */}
                <td lang="de">{entry.credit}</td>
                <td>{entry.dataDate[language]}</td>
                <td className="num">{formatNumber(entry.featureCount, language)}</td>
                <td>
                  <ul className="caveats">
                    {entry.caveats.map((c) => (
                      <li key={c.de}>{c[language]}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t("about.basemaps")}</h3>
      <ul>
        <li>basemap.de: {BASEMAPDE_CREDIT}</li>
        <li>OpenStreetMap: {OSM_CREDIT} (ODbL)</li>
      </ul>
      <p className="notice">{t("about.missing")}</p>
    </dialog>
  );
}
