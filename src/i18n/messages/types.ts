import type { de } from "./de.ts";

/** A message tree with any string as value (the English files must have the German keys). */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape of a message file: the German keys, with any string as value. */
export type Messages = Widen<typeof de>;
