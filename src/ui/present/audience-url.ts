/**
 * The audience window's address. Kept apart from the channel (and its message schemas) because the
 * app's entry reads it on every start.
 */

/** The address of the audience window for a plan (same app, `?audience=<planId>`). */
export function audienceUrl(planId: string, location: Location = window.location): string {
  const url = new URL(location.href);
  url.search = "";
  url.hash = "";
  url.searchParams.set("audience", planId);
  return url.href;
}

/** The plan id an audience window shows, or null in the normal app. */
export function audiencePlanIdOf(search: string): string | null {
  const id = new URLSearchParams(search).get("audience");
  return id && id.length <= 200 ? id : null;
}
