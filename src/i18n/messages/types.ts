import type { de } from "./de.ts";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape of a message file: the German keys, with any string as value. */
export type Messages = Widen<typeof de>;
