/**
 * The parts of the share dialog: the link with its copy button and length, and the QR code (made in
 * the background when the link fits one).
 */
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { QR_MAX_CHARS, SHARE_LINK_MAX_CHARS } from "../../domain/share/share-format.ts";
import { shareLinkQrSvg } from "../../domain/share/share-link-qr.ts";
import { formatNumber, type Language } from "../../i18n/index.ts";

type CopyState = "idle" | "copied" | "failed";
/** The QR code: none (the link does not fit one, or not made yet), made, or failed. */
export type QrState = { state: "none" } | { state: "ready"; src: string } | { state: "failed" };

/** The QR code of `url` as an SVG data URL; none for null (the link does not fit one). */
export function useQrCode(url: string | null): QrState {
  const [qr, setQr] = useState<QrState>({ state: "none" });
  useEffect(() => {
    if (url === null) return;
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
  }, [url]);
  return qr;
}

/** The link (read-only, selected on focus) with its copy button, the copy status and the length. */
export function ShareLink({
  url,
  inputId,
  empty,
  chars,
  skippedAreaCount,
}: {
  url: string;
  inputId: string;
  /** The variant has no areas. */
  empty: boolean;
  chars: number;
  skippedAreaCount: number;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const linkField = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>("idle");
  const max = formatNumber(SHARE_LINK_MAX_CHARS, language);
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
  return (
    <div className="share-link-column">
      {empty && <p className="notice notice-info small">{t("share.dialog.empty")}</p>}
      <label htmlFor={inputId}>{t("share.dialog.linkLabel")}</label>
      <div className="share-link-row">
        <input
          ref={linkField}
          id={inputId}
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
        {copy === "copied" ? t("share.dialog.copied") : copy === "failed" ? t("share.dialog.copyFailed") : ""}
      </p>
      <p className="muted small" data-testid="share-length">
        {t("share.dialog.length", { chars: formatNumber(chars, language), max })}
      </p>
      {skippedAreaCount > 0 && (
        <p className="notice notice-warning small" data-testid="share-skipped">
          {t("share.dialog.skipped", { count: skippedAreaCount })}
        </p>
      )}
    </div>
  );
}

/** The QR code, or why there is none. */
export function ShareQrCode({
  qr,
  fits,
  chars,
  variantName,
}: {
  qr: QrState;
  fits: boolean;
  chars: number;
  variantName: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <div className="share-qr-column">
      {!fits ? (
        <p className="small" data-testid="share-no-qr">
          {t("share.dialog.qrTooLong", {
            chars: formatNumber(chars, language),
            max: formatNumber(QR_MAX_CHARS, language),
          })}
        </p>
      ) : qr.state === "ready" ? (
        <img
          className="share-qr"
          src={qr.src}
          alt={t("share.dialog.qrAlt", { name: variantName })}
          data-testid="share-qr"
        />
      ) : qr.state === "failed" ? (
        <p className="small">{t("share.dialog.qrFailed")}</p>
      ) : null}
    </div>
  );
}
