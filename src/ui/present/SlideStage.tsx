/**
 * One slide as the audience sees it: title, the read-only map with the areas, the key figures big,
 * the legend, the slide indicator and the "Stand" of the frozen figures. The same component fills the
 * audience window, the presentation in full screen, and the "current slide" box of the presenter view;
 * its type sizes follow the stage's width (container query units), so it reads at 1920 and at 1280.
 */
import "./SlideStage.css";
import { type PointerEvent, type ReactNode, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import type {
  DeckFigures,
  DeckVariant,
  PresentationDeck,
  Slide,
} from "../../domain/workshop/presentation.ts";
import { formatDateTime, formatNumber, formatResidents, type Language } from "../../i18n/index.ts";
import { visibleCredits } from "../../map/map-style.ts";
import { PresentationMap } from "../../map/PresentationMap.tsx";
import { presentationMapView } from "../../map/presentation-style.ts";
import { formatAreaM2 } from "../Toolbar.tsx";
import { PatternSwatch } from "./PatternSwatch.tsx";

type T = (key: string, values?: Record<string, unknown>) => string;

/** What a slide is about, resolved against the deck. */
export interface SlideView {
  slide: Slide;
  variant: DeckVariant;
  /** The area of an area slide; undefined on an overview. */
  areaIndex: number | null;
  title: string;
  indicator: string;
  figures: DeckFigures | null;
}

export function resolveSlide(deck: PresentationDeck, slide: Slide | undefined, t: T): SlideView | null {
  if (!slide) return null;
  const variant = deck.variants[slide.variantIndex];
  if (!variant) return null;
  const variants = deck.variants.length;
  if (slide.kind === "overview") {
    return {
      slide,
      variant,
      areaIndex: null,
      title: variant.name,
      indicator: t("present.indicatorOverview", { variant: slide.variantIndex + 1, variants }),
      figures: variant.figures,
    };
  }
  const area = variant.areas[slide.areaIndex];
  if (!area) return null;
  return {
    slide,
    variant,
    areaIndex: slide.areaIndex,
    title: area.name,
    indicator: t("present.indicatorArea", {
      variant: slide.variantIndex + 1,
      variants,
      area: slide.areaIndex + 1,
      areas: variant.areas.length,
    }),
    figures: area.figures,
  };
}

/** The sentence a screen reader hears when the slide changes. */
export function announcement(view: SlideView, t: T): string {
  return view.areaIndex === null
    ? t("present.announceOverview", { variant: view.variant.name, indicator: view.indicator })
    : t("present.announceArea", { area: view.title, variant: view.variant.name, indicator: view.indicator });
}

function Figure({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: ReactNode;
  note?: string;
  testId: string;
}) {
  return (
    <div className="present-figure" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <span className="present-figure-value">{value}</span>
        {note && <span className="present-figure-note">{note}</span>}
      </dd>
    </div>
  );
}

function Figures({ view, language, t }: { view: SlideView; language: Language; t: T }) {
  const f = view.figures;
  if (!f) {
    return (
      <p className="present-empty" data-testid="present-no-figures">
        {view.areaIndex === null && view.variant.areas.length === 0
          ? t("present.figures.noAreas")
          : t("present.figures.noFigures")}
      </p>
    );
  }
  const overview = view.areaIndex === null;
  return (
    <dl className="present-figure-list">
      <Figure
        label={overview ? t("present.figures.unionArea") : t("present.figures.area")}
        value={formatAreaM2(f.areaM2, language)}
        testId="present-figure-area"
      />
      {f.residents && (
        <Figure
          label={t("present.figures.residents")}
          value={t("coverage.residentsRange", {
            low: formatResidents(f.residents.low, language),
            high: formatResidents(f.residents.high, language),
          })}
          note={t("present.figures.residentsNote")}
          testId="present-figure-residents"
        />
      )}
      <Figure
        label={t("present.figures.facilities")}
        value={formatNumber(f.facilities, language)}
        testId="present-figure-facilities"
      />
      <Figure
        label={t("present.figures.districts")}
        value={formatNumber(f.districts.length, language)}
        note={f.districts.slice(0, 4).join(", ") + (f.districts.length > 4 ? " …" : "")}
        testId="present-figure-districts"
      />
      <Figure
        label={t("present.figures.overlaps")}
        value={
          f.overlaps.count === 0
            ? t("present.figures.none")
            : t("present.figures.overlapsValue", {
                count: formatNumber(f.overlaps.count, language),
                area: formatAreaM2(f.overlaps.areaM2, language),
              })
        }
        note={f.overlaps.with.slice(0, 3).join(", ") + (f.overlaps.with.length > 3 ? " …" : "")}
        testId="present-figure-overlaps"
      />
    </dl>
  );
}

interface SlideStageProps {
  catalogue: GeneratedCatalogue;
  deck: PresentationDeck;
  view: SlideView;
  /** Laser pointer as fractions of the map; null when off. */
  spotlight: { x: number; y: number } | null;
  /**
   * The screen blanked: plain black for the audience; for the presenter's own preview a dark cover
   * that says so (the audience sees black).
   */
  blank?: "audience" | "presenter" | null;
  /** Presenter only: the pointer over the map, as fractions (drives the spotlight). */
  onPointer?: (point: { x: number; y: number }) => void;
  onMapIdle?: () => void;
  /** Controls shown in the footer (presenter window only). */
  children?: ReactNode;
}

export function SlideStage({
  catalogue,
  deck,
  view,
  spotlight,
  blank = null,
  onPointer,
  onMapIdle,
  children,
}: SlideStageProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const mapWrap = useRef<HTMLDivElement>(null);
  const focusAreaId = view.areaIndex === null ? null : (view.variant.areas[view.areaIndex]?.id ?? null);
  const credits = useMemo(() => visibleCredits(catalogue, presentationMapView(catalogue)), [catalogue]);
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const rect = mapWrap.current?.getBoundingClientRect();
    if (!onPointer || !rect || rect.width === 0 || rect.height === 0) return;
    const clamp = (v: number) => Math.min(Math.max(v, 0), 1);
    onPointer({
      x: clamp((event.clientX - rect.left) / rect.width),
      y: clamp((event.clientY - rect.top) / rect.height),
    });
  };
  const area = view.areaIndex === null ? null : view.variant.areas[view.areaIndex];
  return (
    <section className="present-stage" aria-label={view.title} data-testid="present-stage">
      <header className="present-stage-head">
        <p className="present-kicker">
          {view.areaIndex === null
            ? `${deck.planName} · ${t("present.overviewTitle")}`
            : `${view.variant.name} · ${deck.planName}`}
        </p>
        <h2 className="present-title" data-testid="present-title">
          {view.title}
        </h2>
        {area && area.fields.length > 0 && (
          <p className="present-fields">
            {area.fields.map((field) => (
              <span key={field} className="present-chip">
                {t(`layers.fields.${field}`)}
              </span>
            ))}
          </p>
        )}
      </header>
      <div className="present-body">
        <div className="present-map-wrap" ref={mapWrap} onPointerMove={onPointer ? onPointerMove : undefined}>
          <PresentationMap
            catalogue={catalogue}
            areas={view.variant.areas}
            focusAreaId={focusAreaId}
            label={t("present.mapLabel", { title: view.title })}
            onIdle={onMapIdle}
          />
          {spotlight && (
            <div
              className="present-spotlight"
              data-testid="present-spotlight"
              aria-hidden="true"
              style={{
                background: `radial-gradient(circle 9cqw at ${spotlight.x * 100}% ${spotlight.y * 100}%, transparent 0, transparent 92%, rgba(0, 0, 0, 0.74) 100%)`,
              }}
            />
          )}
          <p className="present-credits">{credits.join(" · ")}</p>
        </div>
        <aside className="present-side">
          <h3 className="visually-hidden">{t("present.figures.heading")}</h3>
          <Figures view={view} language={language} t={t} />
          {view.variant.areas.length > 0 && (
            <div className="present-legend">
              <h3 data-testid="present-legend-title">
                {t("present.legend", { n: formatNumber(view.variant.areas.length, language) })}
              </h3>
              <ol>
                {view.variant.areas.slice(0, 8).map((a, index) => (
                  <li key={a.id} className={a.id === focusAreaId ? "present-legend-focus" : undefined}>
                    <PatternSwatch index={index} />
                    <span>
                      {index + 1} · {a.name}
                    </span>
                  </li>
                ))}
                {view.variant.areas.length > 8 && <li className="present-legend-more">…</li>}
              </ol>
            </div>
          )}
        </aside>
      </div>
      <footer className="present-stage-foot">
        <span className="present-indicator" data-testid="present-indicator">
          {view.indicator}
        </span>
        <span className="present-frozen" data-testid="present-frozen">
          {t("present.frozen", { time: formatDateTime(deck.frozenAt, language) })}
        </span>
        {children}
      </footer>
      {blank && (
        <div className={`present-blank present-blank-${blank}`} data-testid="present-blank">
          {blank === "presenter" && <p>{t("present.blanked")}</p>}
        </div>
      )}
    </section>
  );
}
