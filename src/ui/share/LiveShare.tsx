/**
 * "Gemeinsam bearbeiten" in the share dialog: when the app is served by the Pilotkarte server, creates
 * a room for the open plan, uploads the plan into it and shows the three invitation links (edit,
 * propose, view) with copy buttons and QR codes. On static hosting it says that sharing live needs
 * the server.
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, type Language } from "../../i18n/index.ts";
import {
  type CreatedRoom,
  createRoom,
  ShareServerError,
  shareOpenPlan,
  syncServerAvailable,
} from "../../persistence/sync/shared-plan.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { LiveLinkRow } from "./LiveLinkRow.tsx";

type LiveState =
  | { state: "checking" | "no-server" | "ready" | "creating" }
  | { state: "failed"; reason: "forbidden" | "failed"; detail: string }
  | { state: "shared"; room: CreatedRoom };

/** Rooms made in this tab, by plan id: reopening the dialog shows the links again. */
const roomsByPlan = new Map<string, CreatedRoom>();

/**
 * `onShared`: told whether the room's links are shown (the dialog then shares the whole plan, and its
 * title says so).
 */
export function LiveShare({ onShared }: { onShared?: (shared: boolean) => void }) {
  const { t } = useTranslation();
  const planId = useDocumentStore((s) => s.plan.id);
  const [live, setLive] = useState<LiveState>(() => {
    const room = roomsByPlan.get(planId);
    return room ? { state: "shared", room } : { state: "checking" };
  });
  const shared = live.state === "shared";
  useEffect(() => onShared?.(shared), [onShared, shared]);
  useEffect(() => {
    if (live.state !== "checking") return;
    let cancelled = false;
    void syncServerAvailable().then((ok) => {
      if (!cancelled) setLive({ state: ok ? "ready" : "no-server" });
    });
    return () => {
      cancelled = true;
    };
  }, [live.state]);

  const onStart = async () => {
    setLive({ state: "creating" });
    try {
      const room = await createRoom();
      const edit = room.links.find((link) => link.role === "edit");
      if (!edit) throw new ShareServerError("failed", "no edit link");
      await shareOpenPlan(edit.token);
      roomsByPlan.set(planId, room);
      setLive({ state: "shared", room });
    } catch (error) {
      if (error instanceof ShareServerError && error.reason === "no-server") setLive({ state: "no-server" });
      else
        setLive({
          state: "failed",
          reason: error instanceof ShareServerError && error.reason === "forbidden" ? "forbidden" : "failed",
          detail: error instanceof Error ? error.message : String(error),
        });
    }
  };

  return (
    <section className="live-share" data-testid="live-share" data-state={live.state}>
      <h3>{t("share.live.heading")}</h3>
      <p className="small">{t("share.live.intro")}</p>
      {live.state === "checking" && <p className="muted small">{t("share.live.checking")}</p>}
      {live.state === "no-server" && (
        <p className="notice notice-info small" data-testid="live-share-no-server">
          {t("share.live.noServer")}
        </p>
      )}
      {(live.state === "ready" || live.state === "creating") && (
        <p className="button-row">
          <button
            type="button"
            className="button button-primary"
            disabled={live.state === "creating"}
            onClick={() => void onStart()}
            data-testid="live-share-start"
          >
            {live.state === "creating" ? t("share.live.creating") : t("share.live.start")}
          </button>
        </p>
      )}
      {live.state === "failed" && (
        <p className="notice notice-error small" role="alert" data-testid="live-share-failed">
          {t(`share.live.${live.reason}`, { detail: live.detail })}
        </p>
      )}
      {live.state === "shared" && <LiveLinks room={live.room} />}
    </section>
  );
}

function LiveLinks({ room }: { room: CreatedRoom }) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid="live-links">
      <h4>{t("share.live.linksHeading")}</h4>
      <ul className="live-links">
        {room.links.map((link) => (
          <LiveLinkRow key={link.linkId} room={room} link={link} />
        ))}
      </ul>
      <p className="muted small">
        {t("share.live.expires", { time: formatDateTime(room.expiresAt, i18n.language as Language) })}
      </p>
    </div>
  );
}
