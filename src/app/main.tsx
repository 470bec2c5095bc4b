import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { initI18n } from "../i18n/index.ts";
import { ReadOnlyError } from "../store/document-store.ts";
import { useSessionStore } from "../store/session-store.ts";
import "../ui/tokens.css";
import "../ui/base.css";
import { App } from "./App.tsx";
import { registerServiceWorker } from "./register-service-worker.ts";

// German is there at once; an English session waits for its messages (one small chunk) first.
await initI18n(useSessionStore.getState().language);
document.documentElement.lang = useSessionStore.getState().language;

registerServiceWorker();

// A change tried while another tab edits the plan is refused by the document store. The controls that
// could try one are disabled in a read-only tab; should one be missed, the planner is told why nothing
// happened instead of the error escaping as an uncaught one.
const readOnlyRefused = (reason: unknown, event: Event) => {
  if (!(reason instanceof ReadOnlyError)) return;
  event.preventDefault();
  useSessionStore.getState().notify({ kind: "warning", key: "storage.readOnlyAction" });
};
window.addEventListener("unhandledrejection", (event) => readOnlyRefused(event.reason, event));
window.addEventListener("error", (event) => readOnlyRefused(event.error, event));

const root = document.getElementById("root");
if (!root) throw new Error("#root missing in index.html");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
