/**
 * Presence (awareness) through the real server: valid presences reach the others, and the server refuses
 * a presence with another role than the link's, a malformed one, and a change of another client's
 * state (server/awareness-guard.ts).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PRESENCE_FIELD, type PresenceState, parsePresence } from "../../../src/domain/sync/presence.ts";
import {
  type Client,
  type CreatedRoom,
  connect,
  createRoom,
  fakeDist,
  rawClient,
  startTestServer,
  type TestServer,
  tempFolder,
  until,
} from "./server-harness.ts";

const dataDir = tempFolder("presence-data");
const distDir = fakeDist();
let server: TestServer;
let room: CreatedRoom;
const clients: Client[] = [];

async function client(token: string): Promise<Client> {
  const connected = await connect(server.wsUrl, room.room, token);
  clients.push(connected);
  return connected;
}

const presence = (participant: string, role: PresenceState["role"], name = ""): PresenceState => ({
  v: 1,
  participant,
  name,
  role,
  variantId: "v1",
  areaId: null,
});

/** The presences a client sees from others (checked as the app checks them). */
function othersSeenBy(client: Client): PresenceState[] {
  const awareness = client.provider.awareness;
  if (!awareness) return [];
  return [...awareness.getStates()]
    .filter(([id]) => id !== awareness.clientID)
    .map(([, state]) => parsePresence(state))
    .filter((each): each is PresenceState => each !== null);
}

/**
 * The refusals the server logged for one reason. (A refused connection to a document gets a close
 * message for that document; the WebSocket itself stays open for its other documents.)
 */
const refusals = (why: string) =>
  server.logs.filter((entry) => entry.message === "awareness refused" && entry.fields?.why === why);

beforeAll(async () => {
  server = await startTestServer(dataDir, distDir);
  room = await createRoom(server);
}, 120_000);

afterEach(() => {
  for (const each of clients.splice(0)) each.close();
});

afterAll(async () => {
  await server?.close();
});

describe("presence through the server", () => {
  it("passes valid presences both ways (and the providers' echoes of each other)", async () => {
    const editor = await client(room.links.edit.token);
    const viewer = await client(room.links.view.token);
    editor.provider.setAwarenessField(PRESENCE_FIELD, presence("editor-0001", "edit", "Anna"));
    viewer.provider.setAwarenessField(PRESENCE_FIELD, presence("viewer-0001", "view", "Ben"));
    await until(() => othersSeenBy(editor).some((p) => p.name === "Ben"), 10_000, "Ben at the editor");
    await until(() => othersSeenBy(viewer).some((p) => p.name === "Anna"), 10_000, "Anna at the viewer");
    expect(othersSeenBy(editor)).toEqual([presence("viewer-0001", "view", "Ben")]);
    expect(server.logs.filter((entry) => entry.message === "awareness refused")).toEqual([]);
  });

  it("refuses a presence that claims another role than the link's", async () => {
    const editor = await client(room.links.edit.token);
    const raw = await rawClient(server.wsUrl, room.room, room.links.view.token);
    raw.sendAwareness(424242, 1, { [PRESENCE_FIELD]: presence("impostor-01", "edit", "Chefin") });
    await until(() => refusals("awareness-wrong-role").length > 0, 10_000, "awareness-wrong-role");
    expect(refusals("awareness-wrong-role")[0]?.fields).toMatchObject({ role: "view" });
    // A later valid presence arrives; the impostor never did.
    const viewer = await client(room.links.view.token);
    viewer.provider.setAwarenessField(PRESENCE_FIELD, presence("viewer-0002", "view", "Ben"));
    await until(() => othersSeenBy(editor).some((p) => p.name === "Ben"), 10_000, "Ben at the editor");
    expect(othersSeenBy(editor).map((p) => p.participant)).not.toContain("impostor-01");
    raw.socket.close();
  });

  it("refuses a malformed presence and an oversized state", async () => {
    const long = await rawClient(server.wsUrl, room.room, room.links.propose.token);
    long.sendAwareness(515151, 1, { [PRESENCE_FIELD]: presence("longname-01", "propose", "x".repeat(41)) });
    await until(() => refusals("awareness-malformed").length > 0, 10_000, "awareness-malformed");
    const big = await rawClient(server.wsUrl, room.room, room.links.propose.token);
    big.sendAwareness(525252, 1, { padding: "x".repeat(5000) });
    await until(() => refusals("awareness-too-big").length > 0, 10_000, "awareness-too-big");
    for (const each of [long, big]) each.socket.close();
  });

  it("refuses a change of another client's state, and too many client ids from one connection", async () => {
    const editor = await client(room.links.edit.token);
    editor.provider.setAwarenessField(PRESENCE_FIELD, presence("editor-0002", "edit", "Anna"));
    const viewer = await client(room.links.view.token);
    await until(() => othersSeenBy(viewer).some((p) => p.name === "Anna"), 10_000, "Anna at the viewer");
    const editorId = editor.provider.awareness?.clientID ?? 0;
    const clock = editor.provider.awareness?.meta.get(editorId)?.clock ?? 0;
    const raw = await rawClient(server.wsUrl, room.room, room.links.edit.token);
    raw.sendAwareness(editorId, clock + 5, { [PRESENCE_FIELD]: presence("editor-0002", "edit", "Mallory") });
    await until(() => refusals("awareness-not-yours").length > 0, 10_000, "awareness-not-yours");
    expect(othersSeenBy(viewer).map((p) => p.name)).toEqual(["Anna"]);
    raw.socket.close();

    const flood = await rawClient(server.wsUrl, room.room, room.links.edit.token);
    for (let id = 1; id <= 5; id++) flood.sendAwareness(700_000 + id, 1, { other: id });
    await until(
      () => refusals("awareness-too-many-clients").length > 0,
      10_000,
      "awareness-too-many-clients",
    );
    flood.socket.close();
  });
});
