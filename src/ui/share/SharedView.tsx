/**
 * What a share link opens: the shared variant read-only (map, plan and variant name, "Stand", the
 * figures computed here with the same worker as the sender's panel, the areas as text, sources and
 * licences), with "add to my plans" and "to the workspace". A damaged link says what is wrong with
 * it. Local data is not touched until the planner chooses one of the two buttons (the workspace is
 * not even started before that).
 */
import "./SharedView.css";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AreaAnalysis } from "../../domain/analysis/analysis-result.ts";
import { createPlan } from "../../domain/changes/create-plan.ts";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import type { Variant } from "../../domain/model/plan.ts";
import { decodeShareLink } from "../../domain/share/decode-share-link.ts";
import type { SharedVariant } from "../../domain/share/share-format.ts";
import { sharedVariantToVariant } from "../../domain/share/shared-variant-to-variant.ts";
import { formatDateTime, formatNumber, formatResidents, type Language } from "../../i18n/index.ts";
import { SharedMap, sharedMapCredits } from "../../map/SharedMap.tsx";
import { workspace } from "../../persistence/instance.ts";
import { createStarterPlan, useDocumentStore } from "../../store/plan-document.ts";
import { useSessionStore } from "../../store/session-store.ts";
import { reportVariantResult } from "../../store/variant-commands.ts";
import { OnePagerOverlay } from "../onepager/OnePager.tsx";
import { formatAreaM2 } from "../Toolbar.tsx";
import { useVariantAnalyses } from "../use-variant-analyses.ts";
import { adoptSharedVariant } from "./adopt-shared-variant.ts";
import { SourcesList } from "./SourcesList.tsx";
import { leaveSharedView } from "./share-route.ts";

type T = (key: string, values?: Record<string, unknown>) => string;

/** Starts the local workspace (if not yet). */
async function toWorkspace(t: T): Promise<void> {
  await workspace.start(() => createStarterPlan(t("plans.newPlanName"), t("plans.firstVariantName")));
}

/**
 * Waits until this tab knows whether it may edit the open plan: the workspace asks for the plan's
 * Web Lock (`pilotkarte-plan-<id>`) without waiting for it, and another tab may hold it (the usual
 * case when a link opens in a new tab beside the workspace). At most about a second.
 */
async function editingSettled(): Promise<void> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  if (!locks) return;
  const name = `pilotkarte-plan-${useDocumentStore.getState().plan.id}`;
  for (let i = 0; i < 40; i++) {
    const state = await locks.query();
    if (state.held?.some((lock) => lock.name === name)) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  // The lock callback that sets read-only runs as its own task.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

export function SharedView({ fragment, catalogue }: { fragment: string; catalogue: GeneratedCatalogue }) {
  const { t } = useTranslation();
  const decoded = useMemo(() => decodeShareLink(fragment), [fragment]);
  const [busy, setBusy] = useState(false);

  const goToWorkspace = async () => {
    setBusy(true);
    await toWorkspace(t);
    leaveSharedView();
  };

  if (!decoded.ok) {
    const { code, detail } = decoded.problem;
    return (
      <main className="shared-view shared-problem" data-testid="shared-view">
        <div className="shared-problem-box" role="alert" data-testid="share-problem" data-code={code}>
          <h2>{t("share.view.problemHeading")}</h2>
          <p>{t(`share.view.problems.${code}`, { detail: detail ?? "" })}</p>
          <p className="muted small">{t("share.view.problemSafe")}</p>
          <p className="button-row">
            <button type="button" className="button" disabled={busy} onClick={() => void goToWorkspace()}>
              {t("share.view.toWorkspace")}
            </button>
          </p>
        </div>
      </main>
    );
  }
  return (
    <SharedVariantView
      shared={decoded.value}
      repairedAreaCount={decoded.repairedAreaCount}
      catalogue={catalogue}
      busy={busy}
      setBusy={setBusy}
      goToWorkspace={goToWorkspace}
    />
  );
}

function SharedVariantView({
  shared,
  repairedAreaCount,
  catalogue,
  busy,
  setBusy,
  goToWorkspace,
}: {
  shared: SharedVariant;
  repairedAreaCount: number;
  catalogue: GeneratedCatalogue;
  busy: boolean;
  setBusy: (busy: boolean) => void;
  goToWorkspace: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [adoptError, setAdoptError] = useState<"failed" | "read-only" | null>(null);
  const [onePager, setOnePager] = useState(false);
  // Fresh ids once per link, so that the figures are keyed stably.
  const variant: Variant = useMemo(() => sharedVariantToVariant(shared, shared.frozenAt), [shared]);
  const variants = useMemo(() => [variant], [variant]);
  const figures = useVariantAnalyses(catalogue, variants);
  const ready = figures.state === "ready" ? figures.figures[variant.id] : undefined;
  const credits = useMemo(() => sharedMapCredits(catalogue), [catalogue]);

  const onAdopt = async () => {
    setBusy(true);
    setAdoptError(null);
    try {
      await toWorkspace(t);
      await editingSettled();
      if (useDocumentStore.getState().readOnly) {
        setAdoptError("read-only");
        setBusy(false);
        return;
      }
      const result = adoptSharedVariant(shared, {
        getState: useDocumentStore.getState,
        label: t("share.view.adoptLabel"),
        takenName: (name, n) =>
          n === 1 ? t("share.view.adoptedName", { name }) : t("share.view.adoptedNameN", { name, n }),
      });
      if (!result.ok) {
        reportVariantResult(result);
        setAdoptError("failed");
        setBusy(false);
        return;
      }
      const state = useDocumentStore.getState();
      useSessionStore.getState().notify({
        kind: "info",
        key: "share.view.adopted",
        values: { name: state.plan.variants[result.variantId]?.name ?? "", plan: state.plan.name },
      });
      leaveSharedView();
    } catch {
      setAdoptError("failed");
      setBusy(false);
    }
  };

  const onAdoptAsPlan = async () => {
    setBusy(true);
    setAdoptError(null);
    try {
      await toWorkspace(t);
      const now = new Date().toISOString();
      const adopted = sharedVariantToVariant(shared, now);
      const name = shared.planName.trim() || t("plans.newPlanName");
      await workspace.createPlan(() => ({
        ...createPlan(name, now),
        variantOrder: [adopted.id],
        variants: { [adopted.id]: adopted },
      }));
      useSessionStore.getState().notify({
        kind: "info",
        key: "share.view.adoptedPlan",
        values: { name: adopted.name, plan: name },
      });
      leaveSharedView();
    } catch {
      setAdoptError("failed");
      setBusy(false);
    }
  };

  const areaFigures = (id: string): AreaAnalysis | undefined => ready?.byArea[id];
  const totals = ready?.variant?.totals;

  return (
    <main className="shared-view" data-testid="shared-view">
      <div className="shared-side">
        <header className="shared-head">
          <p className="shared-kicker">{t("share.view.heading")}</p>
          <h2 data-testid="shared-variant-name">
            <span className="visually-hidden">{t("share.view.variant")}: </span>
            {shared.variantName}
          </h2>
          <p>
            {t("share.view.plan")}: <strong data-testid="shared-plan-name">{shared.planName}</strong>
          </p>
          <p className="muted small" data-testid="shared-stand">
            {t("share.view.stand", { time: formatDateTime(shared.frozenAt, language) })}
          </p>
        </header>
        <p className="notice notice-info small">{t("share.view.readOnly")}</p>
        <div className="button-row shared-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void onAdopt()}
            title={t("share.view.adoptHint")}
            data-testid="shared-adopt"
          >
            {t("share.view.adopt")}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void onAdoptAsPlan()}
            title={t("share.view.adoptAsPlanHint", { plan: shared.planName })}
            data-testid="shared-adopt-plan"
          >
            {t("share.view.adoptAsPlan")}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void goToWorkspace()}
            data-testid="shared-to-workspace"
          >
            {t("share.view.toWorkspace")}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setOnePager(true)}
            data-testid="onepager-open-variant"
          >
            {t("share.onepager.openVariant")}
          </button>
        </div>
        <p className="muted small">
          {t("share.view.adoptHint")} {t("share.view.adoptAsPlanHint", { plan: shared.planName })}
        </p>
        {adoptError && (
          <p className="notice notice-error small" role="alert" data-testid="shared-adopt-error">
            {t(adoptError === "read-only" ? "share.view.adoptReadOnly" : "share.view.adoptFailed", {
              plan: useDocumentStore.getState().plan.name,
            })}
          </p>
        )}
        {repairedAreaCount > 0 && (
          <p className="notice notice-info small">{t("share.view.repaired", { count: repairedAreaCount })}</p>
        )}

        <section aria-labelledby="shared-figures-title" className="shared-section">
          <h3 id="shared-figures-title">{t("share.view.areaCount", { count: variant.areaOrder.length })}</h3>
          {figures.state === "failed" && (
            <p className="notice notice-error small">{t("share.view.figuresFailed")}</p>
          )}
          {figures.state === "loading" && (
            <p className="muted small" role="status">
              {t("share.view.computing")}
            </p>
          )}
          {totals && variant.areaOrder.length > 0 && (
            <table className="data-table" data-testid="shared-totals">
              <caption>{t("variantSummary.totals")}</caption>
              <tbody>
                <tr>
                  <th scope="row">{t("variantSummary.unionArea")}</th>
                  <td className="num">{formatAreaM2(totals.unionAreaM2, language)}</td>
                </tr>
                {totals.residents && (
                  <tr>
                    <th scope="row">{t("coverage.residents")}</th>
                    <td className="num" data-testid="shared-total-residents">
                      {t("coverage.residentsRange", {
                        low: formatResidents(totals.residents.low, language),
                        high: formatResidents(totals.residents.high, language),
                      })}
                    </td>
                  </tr>
                )}
                {totals.facilities
                  .filter((f) => f.count > 0)
                  .map((f) => (
                    <tr key={f.layerId}>
                      <th scope="row">
                        {catalogue.entries.find((e) => e.id === f.layerId)?.title[language] ?? f.layerId}
                      </th>
                      <td className="num">{formatNumber(f.count, language)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
          {variant.areaOrder.length === 0 && <p className="muted">{t("share.view.noAreas")}</p>}
          <ol className="shared-areas" data-testid="shared-areas">
            {variant.areaOrder.map((id) => {
              const area = variant.areas[id];
              if (!area) return null;
              const analysis = areaFigures(id);
              return (
                <li key={id} className="shared-area" data-testid="shared-area">
                  <h4>
                    <span className="shared-swatch" style={{ background: area.colour }} aria-hidden="true" />
                    <span data-testid="shared-area-name">{area.name || "–"}</span>
                  </h4>
                  <dl className="shared-facts">
                    <dt>{t("attributes.fields")}</dt>
                    <dd>
                      {area.fields.length > 0
                        ? area.fields.map((f) => t(`layers.fields.${f}`)).join(", ")
                        : t("share.view.none")}
                    </dd>
                    <dt>{t("attributes.partners")}</dt>
                    <dd>{area.partners.length > 0 ? area.partners.join(", ") : t("share.view.none")}</dd>
                    <dt>{t("attributes.status")}</dt>
                    <dd>{t(`attributes.statuses.${area.status}`)}</dd>
                    {area.notes.trim() !== "" && (
                      <>
                        <dt>{t("attributes.notes")}</dt>
                        <dd className="shared-notes">{area.notes}</dd>
                      </>
                    )}
                    <dt>{t("coverage.area")}</dt>
                    <dd data-testid="shared-area-area">
                      {analysis ? formatAreaM2(analysis.areaM2, language) : t("coverage.computing")}
                    </dd>
                    <dt>{t("coverage.residents")}</dt>
                    <dd data-testid="shared-area-residents">
                      {analysis?.residents
                        ? t("coverage.residentsRange", {
                            low: formatResidents(analysis.residents.low, language),
                            high: formatResidents(analysis.residents.high, language),
                          })
                        : analysis
                          ? t("share.view.none")
                          : t("coverage.computing")}
                    </dd>
                  </dl>
                </li>
              );
            })}
          </ol>
          {ready && (
            <p className="muted small">
              {t("share.view.figuresNote", { time: formatDateTime(ready.computedAt, language) })}
            </p>
          )}
        </section>

        <section aria-labelledby="shared-sources-title" className="shared-section">
          <h3 id="shared-sources-title">{t("share.view.sources")}</h3>
          <SourcesList catalogue={catalogue} extraCredits={credits} testId="shared-sources" />
        </section>
      </div>
      {onePager && (
        <OnePagerOverlay
          target={{ kind: "variant" }}
          catalogue={catalogue}
          shown={{ variant, planName: shared.planName }}
          onClose={() => setOnePager(false)}
        />
      )}
      <div className="shared-map-wrap">
        <SharedMap catalogue={catalogue} variant={variant} label={t("share.view.map")} />
        <p className="credits shared-credits">{credits.join(" · ")}</p>
      </div>
    </main>
  );
}
