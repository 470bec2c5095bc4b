/**
 * What the export dialog offers and how it builds an export: the scope's areas with their figures
 * (from the analysis worker, reusing what the panel already computed), the credits of the data behind
 * the figures, and the browser download.
 */

import type { AreaAnalysis } from "../../domain/analysis/analysis-result.ts";
import type { ExportInput, ExportLanguage, ExportScope } from "../../domain/exchange/index.ts";
import { exportLayersOf, selectExport } from "../../domain/exchange/index.ts";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import type { Plan } from "../../domain/model/plan.ts";
import type { ExportRequest } from "../exchange-client.ts";
import { analyseWholeVariant } from "../use-variant-analyses.ts";

/** The formats in the dialog, in the order shown. */
export const EXPORT_CHOICES = [
  "geojson",
  "gpkg-25832",
  "gpkg-4326",
  "shp-25832",
  "csv-areas-de",
  "csv-areas-intl",
  "csv-districts-de",
  "csv-districts-intl",
  "png",
] as const;

export type ExportChoice = (typeof EXPORT_CHOICES)[number];

/** The worker request of a file format (the PNG is drawn on the main thread: null). */
export function requestOf(choice: ExportChoice): ExportRequest | null {
  switch (choice) {
    case "geojson":
      return { format: "geojson" };
    case "gpkg-25832":
      return { format: "geopackage", crs: "EPSG:25832" };
    case "gpkg-4326":
      return { format: "geopackage", crs: "EPSG:4326" };
    case "shp-25832":
      return { format: "shapefile", crs: "EPSG:25832" };
    case "csv-areas-de":
      return { format: "csv", table: "areas", dialect: "de" };
    case "csv-areas-intl":
      return { format: "csv", table: "areas", dialect: "intl" };
    case "csv-districts-de":
      return { format: "csv", table: "districts", dialect: "de" };
    case "csv-districts-intl":
      return { format: "csv", table: "districts", dialect: "intl" };
    case "png":
      return null;
  }
}

/** Version written into exports: package.json's, put in by the build (vite.config.ts); "dev" in tests. */
export const APP_VERSION: string = import.meta.env.VITE_APP_VERSION ?? "dev";

/** Credit lines of the data behind the figures (as the command line does), without duplicates. */
export function exportCredits(catalogue: GeneratedCatalogue): string[] {
  const used = catalogue.entries.filter((e) =>
    ["boundary", "reference-areas", "population", "facility-points", "basemap-points"].includes(e.kind),
  );
  return [...new Set(used.map((e) => e.credit).filter((c) => c !== ""))];
}

/** The areas of a scope with their figures; `missingFigures` counts areas without analysis. */
export async function buildExportInput(
  plan: Plan,
  scope: ExportScope,
  catalogue: GeneratedCatalogue,
  /** Language of the readable columns and the data dictionary. */
  language: ExportLanguage,
  /** Areas whose figures are ready, of all to export (both counted over every variant in scope). */
  onProgress?: (done: number, total: number) => void,
): Promise<{ input: ExportInput | null; missingFigures: number }> {
  const variantIds = scope.kind === "plan" ? plan.variantOrder : [scope.variantId];
  const analyses = new Map<string, AreaAnalysis>();
  const total = variantIds.reduce((n, id) => n + (plan.variants[id]?.areaOrder.length ?? 0), 0);
  let before = 0;
  for (const id of variantIds) {
    const variant = plan.variants[id];
    if (!variant || variant.areaOrder.length === 0) continue;
    const offset = before;
    before += variant.areaOrder.length;
    try {
      const figures = await analyseWholeVariant(variant, (done) => onProgress?.(offset + done, total));
      for (const [areaId, analysis] of Object.entries(figures.byArea)) analyses.set(areaId, analysis);
    } catch {
      // The analysis worker is not available: export without figures (counted below, and said).
    }
  }
  const input = selectExport(plan, scope, analyses, {
    credits: exportCredits(catalogue),
    exportedAt: new Date().toISOString(),
    appVersion: APP_VERSION,
    language,
    layers: exportLayersOf(catalogue.entries),
  });
  const missingFigures = input ? input.areas.filter((a) => !a.analysis).length : 0;
  return { input, missingFigures };
}

/** Hands a file to the browser's download. */
export function downloadFile(data: Uint8Array | Blob, fileName: string, mimeType: string): void {
  const blob = data instanceof Blob ? data : new Blob([data as Uint8Array<ArrayBuffer>], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
