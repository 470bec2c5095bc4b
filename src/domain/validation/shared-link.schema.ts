/**
 * A remembered invitation of a shared plan, as read back from localStorage
 * (src/persistence/sync/shared-links.ts): room, role and token, checked before use.
 */
import * as v from "valibot";

const SharedLinkSchema = v.object({
  room: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/)),
  role: v.picklist(["edit", "propose", "view"]),
  token: v.pipe(v.string(), v.maxLength(2000), v.regex(/^[A-Za-z0-9._-]+$/)),
});

export type SharedLink = v.InferOutput<typeof SharedLinkSchema>;

/** The link, or null when the value is not one. */
export function parseSharedLink(value: unknown): SharedLink | null {
  const checked = v.safeParse(SharedLinkSchema, value);
  return checked.success ? checked.output : null;
}
