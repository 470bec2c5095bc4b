/** What each format reader returns to {@link parseImport}: raw features and their CRS, or a problem. */
import type { RawFeature } from "./collect-import.ts";
import type { AssumableCrs, ImportProblem } from "./import-result.ts";
import type { ImportLimits } from "./limits.ts";
import type { SqlJsConfig } from "./load-sql-js.ts";
import type { SourceCrs } from "./reproject.ts";

export type ReaderResult =
  | { ok: true; features: RawFeature[]; crs: SourceCrs }
  | { ok: false; problem: ImportProblem };

/** What every reader may need from the caller's options. */
export interface ReaderOptions {
  assumeCrs?: AssumableCrs;
  limits: ImportLimits;
  sqlJsConfig?: SqlJsConfig;
}
