/**
 * What a share link opens: the shared variant read-only (map, plan and variant name, "Stand", the
 * figures computed here with the same worker as the sender's panel, the areas as text, sources and
 * licences), with "add to my plans" and "to the workspace". A damaged link says what is wrong with
 * it. Local data is not touched until the planner chooses one of the two buttons (the workspace is
 * not even started before that).
 */
import "./SharedView.css";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import type { Variant } from "../../domain/model/plan.ts";
import type { SharedVariant } from "../../domain/share/share-format.ts";
import { sharedVariantToVariant } from "../../domain/share/shared-variant-to-variant.ts";
import { formatDateTime, formatNumber, type Language } from "../../i18n/index.ts";
import { SharedMap, sharedMapCredits } from "../../map/SharedMap.tsx";
import { useDocumentStore } from "../../store/plan-document.ts";
import { OnePagerOverlay } from "../onepager/OnePager.tsx";
import { useVariantAnalyses } from "../use-variant-analyses.ts";
import { SharedAreas, SharedTotals } from "./SharedFigures.tsx";
import { SourcesList } from "./SourcesList.tsx";
import { decodeShareLinkOffThread, type ShareDecodeOutcome } from "./share-link-client.ts";
import { leaveSharedView } from "./share-route.ts";
import { adoptAsNewPlan, adoptIntoOpenPlan, toWorkspace } from "./shared-view-actions.ts";

export function SharedView({ fragment, catalogue }: { fragment: string; catalogue: GeneratedCatalogue }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  // Read in a worker: what a link unpacks to can take long to check and repair (see share-link-client.ts).
  const [decoded, setDecoded] = useState<ShareDecodeOutcome | null>(null);
  useEffect(() => {
    let live = true;
    setDecoded(null);
    void decodeShareLinkOffThread(fragment).then((outcome) => {
      if (live) setDecoded(outcome);
    });
    return () => {
      live = false;
    };
  }, [fragment]);
  const [busy, setBusy] = useState(false);

  const goToWorkspace = async () => {
    setBusy(true);
    await toWorkspace(t);
    leaveSharedView();
  };

  if (decoded === null) {
    return (
      <main className="shared-view shared-problem" data-testid="shared-view">
        <div className="shared-problem-box">
          <p role="status" data-testid="share-reading">
            {t("share.view.reading")}
          </p>
          <p className="button-row">
            <button type="button" className="button" disabled={busy} onClick={() => void goToWorkspace()}>
              {t("share.view.toWorkspace")}
            </button>
          </p>
        </div>
      </main>
    );
  }

  if (!decoded.ok) {
    const problem = decoded.problem;
    const { code, detail } = problem;
    const numbers =
      "vertices" in problem
        ? {
            area: problem.area ?? "",
            vertices: formatNumber(problem.vertices ?? 0, language),
            maxVertices: formatNumber(problem.maxVertices ?? 0, language),
          }
        : {};
    return (
      <main className="shared-view shared-problem" data-testid="shared-view">
        <div className="shared-problem-box" role="alert" data-testid="share-problem" data-code={code}>
          <h2>{t("share.view.problemHeading")}</h2>
          <p>{t(`share.view.problems.${code}`, { detail: detail ?? "", ...numbers })}</p>
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

  const adopt = async (how: () => Promise<"ok" | "read-only" | "failed">) => {
    setBusy(true);
    setAdoptError(null);
    const outcome = await how();
    if (outcome === "ok") {
      leaveSharedView();
      return;
    }
    setAdoptError(outcome);
    setBusy(false);
  };
  const onAdopt = () => adopt(() => adoptIntoOpenPlan(shared, t));
  const onAdoptAsPlan = () => adopt(() => adoptAsNewPlan(shared, t));

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
        <SharedActions
          planName={shared.planName}
          busy={busy}
          adoptError={adoptError}
          repairedAreaCount={repairedAreaCount}
          onAdopt={() => void onAdopt()}
          onAdoptAsPlan={() => void onAdoptAsPlan()}
          onWorkspace={() => void goToWorkspace()}
          onOnePager={() => setOnePager(true)}
        />

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
          {totals && variant.areaOrder.length > 0 && <SharedTotals totals={totals} catalogue={catalogue} />}
          {variant.areaOrder.length === 0 && <p className="muted">{t("share.view.noAreas")}</p>}
          <SharedAreas variant={variant} figures={ready} />
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

/** Add to my plans, as a new plan, to the workspace, the one-pager; what went wrong adding it. */
function SharedActions({
  planName,
  busy,
  adoptError,
  repairedAreaCount,
  onAdopt,
  onAdoptAsPlan,
  onWorkspace,
  onOnePager,
}: {
  planName: string;
  busy: boolean;
  adoptError: "failed" | "read-only" | null;
  repairedAreaCount: number;
  onAdopt: () => void;
  onAdoptAsPlan: () => void;
  onWorkspace: () => void;
  onOnePager: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="button-row shared-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={onAdopt}
          title={t("share.view.adoptHint")}
          data-testid="shared-adopt"
        >
          {t("share.view.adopt")}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={onAdoptAsPlan}
          title={t("share.view.adoptAsPlanHint", { plan: planName })}
          data-testid="shared-adopt-plan"
        >
          {t("share.view.adoptAsPlan")}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={onWorkspace}
          data-testid="shared-to-workspace"
        >
          {t("share.view.toWorkspace")}
        </button>
        <button type="button" className="button" onClick={onOnePager} data-testid="onepager-open-variant">
          {t("share.onepager.openVariant")}
        </button>
      </div>
      <p className="muted small">
        {t("share.view.adoptHint")} {t("share.view.adoptAsPlanHint", { plan: planName })}
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
    </>
  );
}
