import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { initI18n } from "../i18n/index.ts";
import { useSessionStore } from "../store/session-store.ts";
import "../ui/tokens.css";
import "../ui/base.css";
import { App } from "./App.tsx";
import { registerServiceWorker } from "./register-service-worker.ts";

// German is there at once; an English session waits for its messages (one small chunk) first.
await initI18n(useSessionStore.getState().language);
document.documentElement.lang = useSessionStore.getState().language;

registerServiceWorker();

const root = document.getElementById("root");
if (!root) throw new Error("#root missing in index.html");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
