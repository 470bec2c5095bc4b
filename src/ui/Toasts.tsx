/** Short messages to the planner (repairs, refusals, warnings); they fade after a while or on click. */
import "./Toasts.css";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSessionStore } from "../store/session-store.ts";

const VISIBLE_MS = 8000;

export function Toasts() {
  const { t } = useTranslation();
  const toasts = useSessionStore((s) => s.toasts);
  const dismiss = useSessionStore((s) => s.dismissToast);
  useEffect(() => {
    if (toasts.length === 0) return;
    const timers = toasts.map((toast) => setTimeout(() => dismiss(toast.id), VISIBLE_MS));
    return () => {
      for (const timer of timers) clearTimeout(timer);
    };
  }, [toasts, dismiss]);
  return (
    <div className="toasts" aria-live="polite" data-testid="toasts">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`notice notice-${toast.kind}`}
          role={toast.kind === "error" ? "alert" : "status"}
        >
          <span>{t(toast.key, toast.values ?? {})}</span>
          <button
            type="button"
            className="icon-button"
            onClick={() => dismiss(toast.id)}
            aria-label={t("app.close")}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
