/**
 * "Teilen": the active variant as a link (read-only field, copy button), its length, a QR code when
 * it fits one, and a file instead when the variant is too large for a link. The link is built when
 * the dialog opens; its "Stand" is that moment.
 */
import "../dialog.css";
import "./ShareDialog.css";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { encodeShareLink } from "../../domain/share/encode-share-link.ts";
import { QR_MAX_CHARS, SHARE_LINK_MAX_CHARS } from "../../domain/share/share-format.ts";
import { shareLinkQrSvg } from "../../domain/share/share-link-qr.ts";
import { formatDateTime, formatNumber, type Language } from "../../i18n/index.ts";
import { selectActiveVariant } from "../../store/document-store.ts";
import { useExchangeDialogs } from "../../store/import-export-dialogs.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { useModal } from "../use-dialog.ts";

/** The URL the fragment goes after: this app's address (origin and base path), up to and including "#". */
export function shareUrlPrefix(): string {
  return `${new URL(import.meta.env.BASE_URL, window.location.href).href.replace(/#.*$/, "")}#`;
}

type CopyState = "idle" | "copied" | "failed";
type QrState = { state: "none" } | { state: "ready"; src: string } | { state: "failed" };

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
  const linkField = useRef<HTMLInputElement>(null);
  const planName = useDocumentStore((s) => s.plan.name);
  const variant = useDocumentStore(selectActiveVariant);
  // Frozen when the dialog opens: later edits do not change a link that may already be copied.
  const [frozenAt] = useState(() => new Date().toISOString());
  const [frozen] = useState(() => ({ planName, variant }));
  const [copy, setCopy] = useState<CopyState>("idle");
  const [qr, setQr] = useState<QrState>({ state: "none" });
  useModal(dialog, true);

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

  useEffect(() => {
    if (!encoded.ok || !encoded.fitsQr) return;
    let cancelled = false;
    shareLinkQrSvg(url)
      .then((result) => {
        if (cancelled) return;
        setQr(
          result.ok
            ? { state: "ready", src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(result.svg)}` }
            : { state: "failed" },
        );
      })
      .catch(() => {
        if (!cancelled) setQr({ state: "failed" });
      });
    return () => {
      cancelled = true;
    };
  }, [encoded, url]);

  const onCopy = async () => {
    linkField.current?.select();
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(url);
      setCopy("copied");
    } catch {
      setCopy("failed");
      linkField.current?.focus();
      linkField.current?.select();
    }
  };

  /** Hands over to the export dialog (active variant preselected there). */
  const onExport = () => {
    onClose();
    useExchangeDialogs.getState().set({ exportOpen: true });
  };

  const max = formatNumber(SHARE_LINK_MAX_CHARS, language);
  return (
    <dialog
      ref={dialog}
      className="wide-dialog share-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      data-testid="share-dialog"
    >
      <header>
        <h2 id={titleId}>{t("share.dialog.heading", { name: frozen.variant.name })}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t("app.close")}>
          ×
        </button>
      </header>
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
          <div className="share-link-column">
            {frozen.variant.areaOrder.length === 0 && (
              <p className="notice notice-info small">{t("share.dialog.empty")}</p>
            )}
            <label htmlFor={`${titleId}-link`}>{t("share.dialog.linkLabel")}</label>
            <div className="share-link-row">
              <input
                ref={linkField}
                id={`${titleId}-link`}
                className="share-link"
                type="text"
                readOnly
                value={url}
                onFocus={(e) => e.currentTarget.select()}
                data-testid="share-link"
              />
              <button
                type="button"
                className="button button-primary"
                onClick={() => void onCopy()}
                data-testid="share-copy"
              >
                {t("share.dialog.copy")}
              </button>
            </div>
            <p className="small" role="status" data-testid="share-copy-status">
              {copy === "copied"
                ? t("share.dialog.copied")
                : copy === "failed"
                  ? t("share.dialog.copyFailed")
                  : ""}
            </p>
            <p className="muted small" data-testid="share-length">
              {t("share.dialog.length", { chars: formatNumber(encoded.chars, language), max })}
            </p>
            {encoded.skippedAreaCount > 0 && (
              <p className="notice notice-warning small" data-testid="share-skipped">
                {t("share.dialog.skipped", { count: encoded.skippedAreaCount })}
              </p>
            )}
          </div>
          <div className="share-qr-column">
            {!encoded.fitsQr ? (
              <p className="small" data-testid="share-no-qr">
                {t("share.dialog.qrTooLong", {
                  chars: formatNumber(encoded.chars, language),
                  max: formatNumber(QR_MAX_CHARS, language),
                })}
              </p>
            ) : qr.state === "ready" ? (
              <img
                className="share-qr"
                src={qr.src}
                alt={t("share.dialog.qrAlt", { name: frozen.variant.name })}
                data-testid="share-qr"
              />
            ) : qr.state === "failed" ? (
              <p className="small">{t("share.dialog.qrFailed")}</p>
            ) : null}
          </div>
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
