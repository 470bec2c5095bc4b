/**
 * The BroadcastChannel between the presenter window and audience windows of one plan. Every message
 * received goes through `parsePresenterMessage`; anything else on the channel is ignored.
 */
import {
  type PresenterMessage,
  parsePresenterMessage,
  presenterChannelName,
} from "../../domain/workshop/presenter-messages.ts";

export { audiencePlanIdOf, audienceUrl } from "./audience-url.ts";

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
