/**
 * The presenter view (with an audience window open): the current slide big with the controls, the
 * next slide small, the speaker notes, and the time since the start.
 */
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SlideView } from "./SlideStage.tsx";
import { SlideThumbnail } from "./SlideThumbnail.tsx";

type T = (key: string, values?: Record<string, unknown>) => string;

/** The presenter's screen while an audience window shows the slides. */
export function PresenterView({
  stage,
  controls,
  view,
  next,
  index,
  count,
  audienceConnected,
  since,
}: {
  /** The current slide. */
  stage: ReactNode;
  controls: ReactNode;
  view: SlideView;
  /** The next slide, or null at the end. */
  next: SlideView | null;
  index: number;
  count: number;
  audienceConnected: boolean;
  /** When the presentation started (its "Stand"). */
  since: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="present-presenter" data-testid="present-presenter">
      <div className="present-presenter-current">
        <h3 className="present-presenter-label">
          {t("present.presenter.current")} · {t("present.slideNumber", { n: index + 1, total: count })}
        </h3>
        <div className="present-presenter-stage">{stage}</div>
        {controls}
        <p className="present-status">
          <span data-testid="present-audience-status">
            {audienceConnected ? t("present.controls.audienceConnected") : t("present.controls.audienceNone")}
          </span>
          {" · "}
          <ElapsedTime since={since} t={t} />
        </p>
      </div>
      <div className="present-presenter-side">
        <h3 className="present-presenter-label">{t("present.presenter.next")}</h3>
        {next ? (
          <SlideThumbnail view={next} />
        ) : (
          <p className="present-thumb-end">{t("present.presenter.end")}</p>
        )}
        <SpeakerNotes view={view} t={t} />
        <p className="present-keys">{t("present.controls.keys")}</p>
      </div>
    </div>
  );
}

function SpeakerNotes({ view, t }: { view: SlideView; t: T }) {
  const area = view.areaIndex === null ? null : view.variant.areas[view.areaIndex];
  const list = (items: string[]) => (items.length > 0 ? items.join(", ") : t("present.presenter.none"));
  return (
    <section className="present-notes" aria-labelledby="present-notes-title" data-testid="present-notes">
      <h3 id="present-notes-title">{t("present.presenter.notes")}</h3>
      {area ? (
        <dl>
          <dt>{t("present.presenter.fields")}</dt>
          <dd>{list(area.fields.map((f) => t(`layers.fields.${f}`)))}</dd>
          <dt>{t("present.presenter.partners")}</dt>
          <dd>{list(area.partners)}</dd>
          <dt>{t("present.presenter.status")}</dt>
          <dd>{t(`attributes.statuses.${area.status}`)}</dd>
          <dt>{t("present.presenter.areaNotes")}</dt>
          <dd className="present-notes-text">{area.notes.trim() || t("present.presenter.noNotes")}</dd>
        </dl>
      ) : (
        <>
          <p>{t("present.presenter.areasOfVariant")}</p>
          <ul>
            {view.variant.areas.map((a) => (
              <li key={a.id}>
                <strong>{a.name}</strong> — {list(a.fields.map((f) => t(`layers.fields.${f}`)))}
                {a.partners.length > 0 && ` · ${t("present.presenter.partners")}: ${a.partners.join(", ")}`}
                {a.notes.trim() && <span className="present-notes-text"> · {a.notes.trim()}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Minutes and seconds since the presentation started, for the presenter's pacing. */
function ElapsedTime({ since, t }: { since: string; t: T }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  const mm = String(Math.floor(seconds / 60)).padStart(2, "0");
  const ss = String(seconds % 60).padStart(2, "0");
  return <span data-testid="present-elapsed">{t("present.presenter.elapsed", { time: `${mm}:${ss}` })}</span>;
}
