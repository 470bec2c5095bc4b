/** The file an export produces, ready to be offered for download or written to disk. */
import type { ExportInput } from "./export-input.ts";

export interface ExportFile {
  /** Suggested file name, e.g. "pilotgebiete-variante-a.gpkg". */
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/**
 * A file name stem from the plan and variant names: lower case, umlauts spelled out, anything but
 * letters, digits and "-" dropped; "pilotkarte" when nothing is left.
 */
export function exportFileStem(input: Pick<ExportInput, "plan" | "variant">): string {
  const text = [input.plan.name, input.variant?.name ?? ""].join(" ").toLowerCase();
  const spelled = text
    .replaceAll("ä", "ae")
    .replaceAll("ö", "oe")
    .replaceAll("ü", "ue")
    .replaceAll("ß", "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  const stem = spelled
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return stem === "" ? "pilotkarte" : stem;
}
