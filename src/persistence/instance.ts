/** The tab's one persistence session. Texts (default names) follow the UI language via setTexts. */
import { Workspace, type WorkspaceTexts } from "./workspace.ts";

let texts: WorkspaceTexts = {
  newPlanName: "Neuer Plan",
  firstVariantName: "Variante 1",
  copySuffix: "(Kopie)",
  restoreLabel: "Stand wiederherstellen",
  generator: "Pilotkarte",
};

export const workspace = new Workspace(() => texts);

export function setWorkspaceTexts(next: WorkspaceTexts): void {
  texts = next;
}
