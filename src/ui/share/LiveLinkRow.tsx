/**
 * One invitation link of a live room in the share dialog: role, address with a copy button, QR code,
 * and "Widerrufen …" for the facilitator (this tab created the room, so it holds the edit link the
 * server takes as the facilitator's credential). Revoking asks first, then shows the link as
 * "widerrufen" (the server has disconnected its holders and refuses it from now on).
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type CreatedRoom, type RoomLink, revokeRoomLink } from "../../persistence/sync/shared-plan.ts";
import { useQrCode } from "./ShareLink.tsx";

/** Links revoked from this tab (link ids are unique across rooms): reopening the dialog shows them so. */
const revokedLinks = new Set<string>();

type Revoke = { state: "idle" | "confirm" | "revoking" | "revoked" } | { state: "failed"; detail: string };

export function LiveLinkRow({ room, link }: { room: CreatedRoom; link: RoomLink }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const [revoke, setRevoke] = useState<Revoke>({
    state: revokedLinks.has(link.linkId) ? "revoked" : "idle",
  });
  const revoked = revoke.state === "revoked";
  const qr = useQrCode(revoked ? null : link.url);
  const role = t(`share.live.role_${link.role}`);
  const onCopy = async () => {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(link.url);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  };
  const onRevoke = async () => {
    const edit = room.links.find((each) => each.role === "edit");
    setRevoke({ state: "revoking" });
    try {
      if (!edit) throw new Error("no edit link");
      await revokeRoomLink(room.room, edit.token, link.linkId);
      revokedLinks.add(link.linkId);
      setRevoke({ state: "revoked" });
    } catch (error) {
      setRevoke({ state: "failed", detail: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <li
      className={revoked ? "live-link live-link-revoked" : "live-link"}
      data-testid={`live-link-${link.role}`}
      data-revoked={revoked ? "true" : "false"}
    >
      <div className="live-link-text">
        <strong>{role}</strong>{" "}
        {revoked ? (
          <span className="live-link-badge" data-testid={`live-link-revoked-${link.role}`}>
            {t("share.live.revokedState")}
          </span>
        ) : (
          <span className="muted small">{t(`share.live.roleHint_${link.role}`)}</span>
        )}
        <div className="share-link-row">
          <input
            className="share-link"
            type="text"
            readOnly
            disabled={revoked}
            value={link.url}
            aria-label={role}
            onFocus={(e) => e.currentTarget.select()}
            data-testid={`live-link-url-${link.role}`}
          />
          {!revoked && (
            <button type="button" className="button" onClick={() => void onCopy()}>
              {t("share.live.copy")}
            </button>
          )}
          {(revoke.state === "idle" || revoke.state === "failed") && (
            <button
              type="button"
              className="button button-danger"
              onClick={() => setRevoke({ state: "confirm" })}
              data-testid={`live-link-revoke-${link.role}`}
            >
              {t("share.live.revoke")}
            </button>
          )}
        </div>
        {revoke.state === "confirm" || revoke.state === "revoking" ? (
          <div className="notice small live-link-confirm" role="alertdialog" aria-live="polite">
            <p>
              {link.role === "edit"
                ? t("share.live.revokeConfirmEdit")
                : t("share.live.revokeConfirm", { role })}
            </p>
            <p className="button-row">
              <button
                type="button"
                className="button button-danger"
                disabled={revoke.state === "revoking"}
                onClick={() => void onRevoke()}
                data-testid={`live-link-revoke-confirm-${link.role}`}
              >
                {revoke.state === "revoking" ? t("share.live.revoking") : t("share.live.revokeYes")}
              </button>
              <button
                type="button"
                className="button"
                disabled={revoke.state === "revoking"}
                onClick={() => setRevoke({ state: "idle" })}
              >
                {t("share.live.revokeNo")}
              </button>
            </p>
          </div>
        ) : (
          <p className="small" role="status">
            {revoked
              ? t("share.live.revokedHint")
              : revoke.state === "failed"
                ? t("share.live.revokeFailed", { detail: revoke.detail })
                : copy === "copied"
                  ? t("share.live.copied")
                  : copy === "failed"
                    ? t("share.live.copyFailed")
                    : ""}
          </p>
        )}
      </div>
      {!revoked && qr.state === "ready" && (
        <img className="live-qr" src={qr.src} alt={t("share.live.qrAlt", { role })} />
      )}
    </li>
  );
}
