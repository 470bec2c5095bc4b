/** Saves the whole workspace as one JSON file through the browser's download. */
import { loadWorkspace } from "../persistence/load-workspace.ts";

export async function downloadBackup(): Promise<void> {
  const text = await (await loadWorkspace()).exportBackup();
  const blob = new Blob([text], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, "-");
  link.href = url;
  link.download = `pilotkarte-sicherung-${stamp}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
