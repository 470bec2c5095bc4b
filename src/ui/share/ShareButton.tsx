/**
 * The header's "Teilen" button. The dialog (link encoding, QR code) and the variant's one-pager load
 * when first opened, so they are not part of the first paint.
 */
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCatalogueStore } from "../../store/catalogue-store.ts";

const ShareDialog = lazy(() => import("./ShareDialog.tsx").then((m) => ({ default: m.ShareDialog })));
const OnePagerOverlay = lazy(() =>
  import("../onepager/OnePager.tsx").then((m) => ({ default: m.OnePagerOverlay })),
);

export function ShareButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<"dialog" | "onepager" | null>(null);
  const catalogue = useCatalogueStore((s) => (s.status.state === "ready" ? s.status.catalogue : null));
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => setOpen("dialog")}
        title={t("share.openHint")}
        data-testid="share-open"
      >
        {t("share.open")}
      </button>
      {open === "dialog" && (
        <Suspense fallback={null}>
          <ShareDialog
            onClose={() => setOpen(null)}
            onOnePager={catalogue ? () => setOpen("onepager") : undefined}
          />
        </Suspense>
      )}
      {open === "onepager" && catalogue && (
        <Suspense fallback={null}>
          <OnePagerOverlay target={{ kind: "variant" }} catalogue={catalogue} onClose={() => setOpen(null)} />
        </Suspense>
      )}
    </>
  );
}
