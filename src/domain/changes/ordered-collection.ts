/**
 * Ordered collections: an id list and the record it orders (`areaOrder`/`areas`,
 * `variantOrder`/`variants`), always changed together so both hold the same ids. Each operation
 * returns new arrays and records (the input is never mutated) and what it replaced or removed, from
 * which the change set builds its inverse. `noun` and `where` only word the errors ("area … in variant
 * …"); every misuse throws {@link InvalidChangeError}.
 */
import { InvalidChangeError } from "./invalid-change-error.ts";

/** An id list and the record it orders. */
export interface Collection<K extends string, T> {
  order: K[];
  records: Record<string, T>;
}

/** An entry and where it stood in the order. */
export interface Located<T> {
  index: number;
  value: T;
}

/** The entry with `id` and its index, or undefined; throws when the order and the record disagree. */
function findEntry<K extends string, T>(
  collection: Collection<K, T>,
  id: K,
  noun: string,
  where: string,
): Located<T> | undefined {
  const index = collection.order.indexOf(id);
  const inRecord = Object.hasOwn(collection.records, id);
  if (inRecord !== (index !== -1)) {
    // The document was already broken before this change; say so rather than make it worse.
    const half = inRecord ? "in the record but not in the order" : "in the order but not in the record";
    throw new InvalidChangeError(`${noun} "${id}" ${where} is ${half}`);
  }
  return index === -1 ? undefined : { index, value: collection.records[id] as T };
}

/** The entry with `id` and its index; throws when there is none. */
export function requireEntry<K extends string, T>(
  collection: Collection<K, T>,
  id: K,
  noun: string,
  where: string,
): Located<T> {
  const found = findEntry(collection, id, noun, where);
  if (found === undefined) {
    throw new InvalidChangeError(`${noun} "${id}" does not exist ${where}`);
  }
  return found;
}

/**
 * Adds an entry or replaces it whole. `index` places it, clamped to the valid range; without one a new
 * entry goes to the end and a replaced one keeps its place. `previous` is the replaced entry, if any.
 */
export function putEntry<K extends string, T>(
  collection: Collection<K, T>,
  id: K,
  value: T,
  index: number | undefined,
  noun: string,
  where: string,
): { next: Collection<K, T>; previous: Located<T> | undefined } {
  if (index !== undefined && !Number.isInteger(index)) {
    throw new InvalidChangeError(`cannot put ${noun} "${id}" ${where} at index ${index}: not an integer`);
  }
  const previous = findEntry(collection, id, noun, where);
  let order = collection.order;
  // A replaced entry keeps its place (and the order array its identity) unless an index is given.
  if (previous === undefined || index !== undefined) {
    const without = previous === undefined ? order : removeAt(order, previous.index);
    const at = Math.min(Math.max(index ?? without.length, 0), without.length);
    order = insertAt(without, at, id);
  }
  return { next: { order, records: withEntry(collection.records, id, value) }, previous };
}

/** Removes an existing entry; `previous` is the removed entry and where it stood. */
export function deleteEntry<K extends string, T>(
  collection: Collection<K, T>,
  id: K,
  noun: string,
  where: string,
): { next: Collection<K, T>; previous: Located<T> } {
  const previous = requireEntry(collection, id, noun, where);
  const { [id]: _removed, ...records } = collection.records;
  return { next: { order: removeAt(collection.order, previous.index), records }, previous };
}

/** Moves an existing entry to an existing index; `from` is where it stood. */
export function moveEntry<K extends string, T>(
  collection: Collection<K, T>,
  id: K,
  index: number,
  noun: string,
  where: string,
): { next: Collection<K, T>; from: number } {
  const from = requireEntry(collection, id, noun, where).index;
  const length = collection.order.length;
  if (!Number.isInteger(index) || index < 0 || index >= length) {
    throw new InvalidChangeError(
      `cannot move ${noun} "${id}" ${where} to index ${index}: valid indexes are 0 to ${length - 1}`,
    );
  }
  const order = insertAt(removeAt(collection.order, from), index, id);
  return { next: { order, records: collection.records }, from };
}

/** A copy of `records` with `id` set to `value`. */
export function withEntry<T>(records: Record<string, T>, id: string, value: T): Record<string, T> {
  // A computed key defines an own property even for "__proto__", unlike assignment.
  return { ...records, [id]: value };
}

function removeAt<K>(list: readonly K[], index: number): K[] {
  return [...list.slice(0, index), ...list.slice(index + 1)];
}

function insertAt<K>(list: readonly K[], index: number, item: K): K[] {
  return [...list.slice(0, index), item, ...list.slice(index)];
}
