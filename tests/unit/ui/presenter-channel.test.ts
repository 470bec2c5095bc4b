import { afterEach, describe, expect, it } from "vitest";
import type { PresenterMessage } from "../../../src/domain/workshop/presenter-messages.ts";
import { presenterChannelName } from "../../../src/domain/workshop/presenter-messages.ts";
import {
  audiencePlanIdOf,
  audienceUrl,
  openPresenterChannel,
  type PresenterChannel,
} from "../../../src/ui/present/presenter-channel.ts";

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const c of opened.splice(0)) c.close();
});

describe("presenter channel", () => {
  it("passes on only well-formed messages of the plan's channel", async () => {
    const received: PresenterMessage[] = [];
    const channel = openPresenterChannel("plan-1", (m) => received.push(m)) as PresenterChannel;
    opened.push(channel);
    const raw = new BroadcastChannel(presenterChannelName("plan-1"));
    const other = new BroadcastChannel(presenterChannelName("plan-2"));
    opened.push(raw, other);
    raw.postMessage({ type: "state", planId: "plan-1", slideIndex: -4 });
    raw.postMessage("hello");
    raw.postMessage({ type: "deck", deck: { planId: "plan-1" }, language: "de" });
    other.postMessage({ type: "bye" });
    raw.postMessage({ type: "hello", extra: 1 });
    await expect.poll(() => received.length).toBe(1);
    // Give any stray message time to arrive: messages on one channel arrive in order.
    raw.postMessage({ type: "bye" });
    await expect.poll(() => received.length).toBe(2);
    expect(received).toEqual([{ type: "hello" }, { type: "bye" }]);
  });

  it("sends to the other windows of the plan; posting after closing (a late effect) does not throw", async () => {
    const received: unknown[] = [];
    const raw = new BroadcastChannel(presenterChannelName("plan-3"));
    opened.push(raw);
    raw.onmessage = (event) => received.push(event.data);
    const channel = openPresenterChannel("plan-3", () => undefined) as PresenterChannel;
    channel.post({ type: "hello" });
    await expect.poll(() => received.length).toBe(1);
    expect(received).toEqual([{ type: "hello" }]);
    channel.close();
    // A closed BroadcastChannel throws InvalidStateError on postMessage; the wrapper stays quiet.
    expect(() => channel.post({ type: "bye" })).not.toThrow();
  });

  it("builds the audience address on the same app and reads it back", () => {
    const location = { href: "https://example.org/pilotkarte/?e2e=pixels#map" } as Location;
    const url = audienceUrl("plan 1/ä", location);
    expect(url).toBe("https://example.org/pilotkarte/?audience=plan+1%2F%C3%A4");
    expect(audiencePlanIdOf(new URL(url).search)).toBe("plan 1/ä");
    expect(audiencePlanIdOf("?e2e=pixels")).toBeNull();
    expect(audiencePlanIdOf("?audience=")).toBeNull();
    expect(audiencePlanIdOf(`?audience=${"x".repeat(201)}`)).toBeNull();
  });
});
