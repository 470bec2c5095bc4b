/**
 * "Teilen": the active variant as a link (read-only field, copy button), its length, a QR code when
 * it fits one, and a file instead when the variant is too large for a link. The link is built when
 * the dialog opens; its "Stand" is that moment. Above it, "Gemeinsam bearbeiten" (LiveShare) shares the
 * whole plan live; once its links are shown the title names the plan, not the variant.
 */
import "../dialog.css";
import "./ShareDialog.css";
import { useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { encodeShareLink } from "../../domain/share/encode-share-link.ts";
import { formatDateTime, formatNumber, type Language } from "../../i18n/index.ts";
import { appBaseUrl } from "../../map/app-url.ts";
import { selectActiveVariant } from "../../store/document-store.ts";
import { useExchangeDialogs } from "../../store/import-export-dialogs.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { useModal } from "../use-dialog.ts";
import { LiveShare } from "./LiveShare.tsx";
import { ShareLink, ShareQrCode, useQrCode } from "./ShareLink.tsx";

/** The URL the fragment goes after: this app's address (origin and base path), up to and including "#". */
export function shareUrlPrefix(): string {
  return `${appBaseUrl().replace(/#.*$/, "")}#`;
}

export function ShareDialog({
  onClose,
  onOnePager,
}: {
  onClose: () => void;
  /** Opens the variant's printable one-pager instead (the dialog closes). */
  onOnePager?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const planName = useDocumentStore((s) => s.plan.name);
  const variant = useDocumentStore(selectActiveVariant);
  // Frozen when the dialog opens: later edits do not change a link that may already be copied.
  const [frozenAt] = useState(() => new Date().toISOString());
  const [frozen] = useState(() => ({ planName, variant }));
  useModal(dialog, true);
  // With a live room the dialog shares the whole plan; the variant link below is the snapshot.
  const [liveShown, setLiveShown] = useState(false);

  const prefix = useMemo(() => shareUrlPrefix(), []);
  const encoded = useMemo(
    () =>
      encodeShareLink(
        { planName: frozen.planName, frozenAt, variant: frozen.variant },
        { urlPrefix: prefix },
      ),
    [frozen, frozenAt, prefix],
  );
  const url = encoded.ok ? prefix + encoded.fragment : "";

  const qr = useQrCode(encoded.ok && encoded.fitsQr ? url : null);

  /** Hands over to the export dialog (active variant preselected there). */
  const onExport = () => {
    onClose();
    useExchangeDialogs.getState().set({ exportOpen: true });
  };

  return (
    <dialog
      ref={dialog}
      className="wide-dialog share-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      data-testid="share-dialog"
    >
      <header>
        <h2 id={titleId} data-testid="share-dialog-title">
          {liveShown
            ? t("share.dialog.headingPlan", { name: frozen.planName })
            : t("share.dialog.heading", { name: frozen.variant.name })}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t("app.close")}>
          ×
        </button>
      </header>
      <LiveShare onShared={setLiveShown} />
      {liveShown && (
        <h3 className="share-variant-heading">
          {t("share.dialog.variantLinkHeading", { name: frozen.variant.name })}
        </h3>
      )}
      <p className="small">{t("share.dialog.intro")}</p>
      <p className="muted small">{t("share.dialog.stand", { time: formatDateTime(frozenAt, language) })}</p>
      {!encoded.ok ? (
        <div className="notice notice-error share-too-large" role="alert" data-testid="share-too-large">
          <p>
            {t("share.dialog.tooLarge", {
              chars: formatNumber(encoded.problem.chars, language),
              max: formatNumber(encoded.problem.maxChars, language),
            })}
          </p>
          <p className="button-row">
            <button
              type="button"
              className="button button-primary"
              onClick={onExport}
              data-testid="share-export"
            >
              {t("share.dialog.exportOffer")}
            </button>
          </p>
          <p className="small">{t("share.dialog.exportHint")}</p>
        </div>
      ) : (
        <div className="share-body">
          <ShareLink
            url={url}
            inputId={`${titleId}-link`}
            empty={frozen.variant.areaOrder.length === 0}
            chars={encoded.chars}
            skippedAreaCount={encoded.skippedAreaCount}
          />
          <ShareQrCode
            qr={qr}
            fits={encoded.fitsQr}
            chars={encoded.chars}
            variantName={frozen.variant.name}
          />
        </div>
      )}
      {onOnePager && (
        <footer className="share-onepager">
          <p className="small">{t("share.dialog.onepagerHint")}</p>
          <button type="button" className="button" onClick={onOnePager} data-testid="onepager-open-variant">
            {t("share.onepager.openVariant")}
          </button>
        </footer>
      )}
    </dialog>
  );
}
