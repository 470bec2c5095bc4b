/**
 * The "Steckbrief" button. The one-pager itself (figures, map drawing, print layout) loads when first
 * opened.
 */
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCatalogueStore } from "../../store/catalogue-store.ts";
import type { OnePagerTarget } from "./OnePager.tsx";

const OnePagerOverlay = lazy(() => import("./OnePager.tsx").then((m) => ({ default: m.OnePagerOverlay })));

export function OnePagerButton({ target }: { target: OnePagerTarget }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const catalogue = useCatalogueStore((s) => (s.status.state === "ready" ? s.status.catalogue : null));
  if (!catalogue) return null;
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => setOpen(true)}
        title={t(target.kind === "area" ? "share.onepager.openArea" : "share.onepager.openVariant")}
        data-testid={`onepager-open-${target.kind}`}
      >
        {t("share.onepager.open")}
      </button>
      {open && (
        <Suspense fallback={null}>
          <OnePagerOverlay target={target} catalogue={catalogue} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
