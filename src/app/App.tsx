/** Composition root: loads the catalogue, keeps the language in step, and shows the workspace. */
import "./App.css";
import { lazy, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { joinTokenOf } from "../domain/sync/invitation-link.ts";
import { initI18n } from "../i18n/index.ts";
import { loadWorkspace, setWorkspaceTexts } from "../persistence/load-workspace.ts";
import { useCatalogueStore } from "../store/catalogue-store.ts";
import { createStarterPlan } from "../store/plan-document.ts";
import { useSessionStore } from "../store/session-store.ts";
import { useStorageStore } from "../store/storage-store.ts";
import { ErrorBoundary } from "../ui/ErrorBoundary.tsx";
import { Header } from "../ui/Header.tsx";
import { audiencePlanIdOf } from "../ui/present/audience-url.ts";
import { watchSharedPlans } from "../ui/share/resume-shared.ts";
import { showingSharedView, useShareFragment } from "../ui/share/share-route.ts";
import { UpdatePrompt } from "../ui/UpdatePrompt.tsx";
import { Workspace } from "../ui/Workspace.tsx";

/** The screens besides the workspace load when first shown: they are not part of the first paint. */
const CompareView = lazy(() =>
  import("../ui/compare/CompareView.tsx").then((m) => ({ default: m.CompareView })),
);
const PresentationView = lazy(() =>
  import("../ui/present/PresentationView.tsx").then((m) => ({ default: m.PresentationView })),
);
const AudienceView = lazy(() =>
  import("../ui/present/AudienceView.tsx").then((m) => ({ default: m.AudienceView })),
);
const SharedView = lazy(() => import("../ui/share/SharedView.tsx").then((m) => ({ default: m.SharedView })));

/** An invitation link (`#join=`) loads the sync client only when the address carries one. */
function joinFromAddressLater(): void {
  if (joinTokenOf(window.location.hash) === null) return;
  void import("../ui/share/join-link.ts").then((m) => m.joinFromAddress());
}

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t("app.loading")}
    </p>
  );
}

function Body() {
  const { t } = useTranslation();
  const status = useCatalogueStore((s) => s.status);
  const storageReady = useStorageStore((s) => s.ready);
  const openBlocked = useStorageStore((s) => s.openBlocked);
  const view = useSessionStore((s) => s.view);
  const shareFragment = useShareFragment();
  if (status.state === "loading" || (status.state === "ready" && !storageReady && shareFragment === null)) {
    // Opening storage waits for another tab that holds an older version of the database open.
    if (openBlocked) {
      return (
        <p className="loading notice notice-warning" role="alert" data-testid="storage-open-blocked">
          {t("storage.openBlocked")}
        </p>
      );
    }
    return (
      <p className="loading" role="status">
        {t("app.loading")}
      </p>
    );
  }
  if (status.state === "failed") {
    const detail: string =
      status.reason === "format" ? String(t("app.formatMismatch", JSON.parse(status.detail))) : status.detail;
    return (
      <div className="fatal" role="alert" data-testid="load-failed">
        <h2>{t("app.loadFailedTitle")}</h2>
        <p>{t("app.loadFailedHint")}</p>
        <pre>{detail}</pre>
      </div>
    );
  }
  if (shareFragment !== null)
    return (
      <Suspense fallback={<Loading />}>
        <SharedView fragment={shareFragment} catalogue={status.catalogue} />
      </Suspense>
    );
  if (view === "compare")
    return (
      <Suspense fallback={<Loading />}>
        <CompareView catalogue={status.catalogue} />
      </Suspense>
    );
  if (view === "present")
    return (
      <Suspense fallback={<Loading />}>
        <PresentationView catalogue={status.catalogue} />
      </Suspense>
    );
  return <Workspace catalogue={status.catalogue} />;
}

/** An audience window of presentation mode (`?audience=<planId>`) shows only the slides. */
const audiencePlanId = audiencePlanIdOf(window.location.search);

export function App() {
  return audiencePlanId === null ? (
    <MainApp />
  ) : (
    <Suspense fallback={null}>
      <AudienceView planId={audiencePlanId} />
    </Suspense>
  );
}

function MainApp() {
  const language = useSessionStore((s) => s.language);
  const { t } = useTranslation();
  useEffect(() => {
    let live = true;
    void initI18n(language).then(() => {
      if (live) document.documentElement.lang = language;
    });
    return () => {
      live = false;
    };
  }, [language]);
  useEffect(() => {
    setWorkspaceTexts({
      newPlanName: t("plans.newPlanName"),
      firstVariantName: t("plans.firstVariantName"),
      copySuffix: t("attributes.copySuffix"),
      restoreLabel: t("history.restoreLabel"),
      generator: `Pilotkarte ${import.meta.env.VITE_APP_VERSION ?? ""}`.trim(),
    });
  }, [t]);
  useEffect(() => {
    void useCatalogueStore.getState().load(import.meta.env.BASE_URL);
    // A share link is shown without touching local data; the workspace starts when the planner leaves it.
    if (!showingSharedView())
      void loadWorkspace()
        .then((workspace) =>
          workspace.start(() => createStarterPlan(t("plans.newPlanName"), t("plans.firstVariantName"))),
        )
        .then(() => {
          watchSharedPlans();
          joinFromAddressLater();
        });
    // start() is idempotent: a later language change does not start a second session.
  }, [t]);
  return (
    <ErrorBoundary title={t("app.crashTitle")} reloadLabel={t("app.reload")}>
      <div className="app">
        <a className="skip-link" href="#map">
          {t("app.skipToMap")}
        </a>
        <a className="skip-link" href="#results">
          {t("a11y.skipToResults")}
        </a>
        <a className="skip-link" href="#panel-layers">
          {t("app.skipToLayers")}
        </a>
        <Header />
        <UpdatePrompt />
        <Body />
      </div>
    </ErrorBoundary>
  );
}
