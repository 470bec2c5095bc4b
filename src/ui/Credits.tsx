/** Credits for every visible layer and the basemap, always on the map; links to the full catalogue. */
import "./Credits.css";
import { useTranslation } from "react-i18next";
import { useSessionStore } from "../store/session-store.ts";

export function Credits({ credits }: { credits: string[] }) {
  const { t } = useTranslation();
  const setAboutOpen = useSessionStore((s) => s.setAboutOpen);
  return (
    <div className="credits" data-testid="credits">
      {/* The publishers' credits, verbatim in German in either UI language. */}
      <span lang="de">{credits.join(" · ")}</span>
      <button type="button" className="link-button" onClick={() => setAboutOpen(true)}>
        {t("app.aboutData")}
      </button>
    </div>
  );
}
