/** Credits for every visible layer and the basemap, always on the map; links to the full catalogue. */
import "./Credits.css";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { OSM_COPYRIGHT_URL } from "../map/map-style.ts";
import { useSessionStore } from "../store/session-store.ts";

export function Credits({ credits }: { credits: string[] }) {
  const { t } = useTranslation();
  const setAboutOpen = useSessionStore((s) => s.setAboutOpen);
  return (
    <div className="credits" data-testid="credits">
      {/* The publishers' credits, verbatim in German in either UI language. OpenStreetMap's links to
          its licence page (ODbL), as OSM asks of every map that shows its data. */}
      <span lang="de">
        {credits.map((credit, i) => (
          <Fragment key={credit}>
            {i > 0 && " · "}
            {credit.includes("OpenStreetMap") ? (
              <a href={OSM_COPYRIGHT_URL} target="_blank" rel="noopener noreferrer">
                {credit}
              </a>
            ) : (
              credit
            )}
          </Fragment>
        ))}
      </span>
      <button type="button" className="link-button" onClick={() => setAboutOpen(true)}>
        {t("app.aboutData")}
      </button>
    </div>
  );
}
