/**
 * The BroadcastChannel between the presenter window and audience windows of one plan. Every message
 * received goes through `parsePresenterMessage`; anything else on the channel is ignored.
 */
import {
  type PresenterMessage,
  parsePresenterMessage,
  presenterChannelName,
} from "../../domain/workshop/presenter-messages.ts";

export interface PresenterChannel {
  post(message: PresenterMessage): void;
  close(): void;
}

/** Opens the channel of a plan; null where the browser has no BroadcastChannel. */
export function openPresenterChannel(
  planId: string,
  onMessage: (message: PresenterMessage) => void,
): PresenterChannel | null {
  if (typeof BroadcastChannel === "undefined") return null;
  const channel = new BroadcastChannel(presenterChannelName(planId));
  let closed = false;
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = parsePresenterMessage(event.data);
    if (message) onMessage(message);
  };
  return {
    post: (message) => {
      if (!closed) channel.postMessage(message);
    },
    close: () => {
      closed = true;
      channel.close();
    },
  };
}

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
