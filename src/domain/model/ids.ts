/**
 * Fresh ids for plans, variants and areas, and the casts that brand a plain string.
 *
 * Ids are random UUIDs (v4) so that plans made in two browsers, or imported from a file, can be merged
 * without clashes; nothing may rely on their order or content.
 */
import type { AreaId, PlanId, VariantId } from "./plan.ts";

/**
 * A new random UUID (v4).
 *
 * `crypto.randomUUID()` exists only in secure contexts (https or localhost). A workshop laptop that
 * opens the app over plain http on a LAN address has `crypto.getRandomValues()` but no `randomUUID`,
 * so we build the same UUID from random bytes there instead of failing.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === "function") {
    return crypto.randomUUID();
  }
  return uuidFromRandomBytes(crypto.getRandomValues(new Uint8Array(16)));
}

/** Formats 16 random bytes as an RFC 9562 version-4 UUID. Exported for the fallback's test. */
export function uuidFromRandomBytes(bytes: Uint8Array): string {
  if (bytes.length !== 16) {
    throw new Error(`uuidFromRandomBytes needs 16 bytes, got ${bytes.length}`);
  }
  const b = Uint8Array.from(bytes);
  // Version 4 in the high nibble of byte 6, variant 10xx in the high bits of byte 8.
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(b, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Brands a string read from a trusted source (our own saved document, a test) as a plan id. */
export const asPlanId = (value: string): PlanId => value as PlanId;
/** Brands a string read from a trusted source as a variant id. */
export const asVariantId = (value: string): VariantId => value as VariantId;
/** Brands a string read from a trusted source as an area id. */
export const asAreaId = (value: string): AreaId => value as AreaId;

/** A fresh plan id. */
export const newPlanId = (): PlanId => asPlanId(newId());
/** A fresh variant id. */
export const newVariantId = (): VariantId => asVariantId(newId());
/** A fresh area id. */
export const newAreaId = (): AreaId => asAreaId(newId());
