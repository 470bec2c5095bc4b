/**
 * Shared plans without a steady connection, through the real server (tests/e2e/sync-server.ts): an
 * edit made while the connection is down survives a reload of the page and reaches the others when it
 * returns, while their edits from the same time arrive too; a restart of the server loses nothing.
 * Planner B's connection to /sync is routed through the test, which can cut it (WebSocket routing:
 * Playwright's offline mode does not close WebSockets).
 */
import type { WebSocketRoute } from "@playwright/test";
import { drawRectangle, expect, test } from "./fixtures.ts";
import {
  sharedAreaNames as areaNames,
  joinPath,
  openOnServer,
  removeSyncServer,
  type SyncServer,
  startSyncServer,
  stopSyncServer,
  waitForWorkspace,
} from "./sync-server.ts";

let server: SyncServer | undefined;

test.beforeAll(async () => {
  server = await startSyncServer();
});

test.afterAll(async () => {
  await removeSyncServer(server);
});

const sorted = (names: string[]) => [...names].sort();

test("an edit made offline survives a reload and merges when the connection returns; a server restart loses nothing", async ({
  browser,
}) => {
  test.setTimeout(360_000);
  const url = server?.url ?? "";
  const a = await openOnServer(browser, url, "/?e2e=pixels");
  await drawRectangle(a.page, [7.462, 51.497], [7.468, 51.5]);
  await expect.poll(() => areaNames(a.page)).toHaveLength(1);
  await a.page.keyboard.press("Escape");
  await a.page.getByTestId("share-open").click();
  const dialog = a.page.getByTestId("share-dialog");
  await dialog.getByTestId("live-share-start").click();
  await expect(a.page.getByTestId("save-status")).toHaveAttribute("data-state", "shared-synced");
  const editUrl = await dialog.getByTestId("live-link-url-edit").inputValue();
  await dialog.getByRole("button", { name: "Schließen" }).first().click();

  // Planner B, whose connection the test can cut.
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 } });
  let online = true;
  const sockets: WebSocketRoute[] = [];
  await context.routeWebSocket(/\/sync/, (socket) => {
    if (!online) return void socket.close();
    sockets.push(socket);
    socket.connectToServer();
  });
  const b = await context.newPage();
  await b.goto(joinPath(editUrl));
  await waitForWorkspace(b);
  await expect.poll(() => areaNames(b), { timeout: 30_000 }).toHaveLength(1);
  await expect(b.getByTestId("save-status")).toHaveAttribute("data-state", "shared-synced");

  // B's connection drops; B draws, then reloads the page while still offline.
  online = false;
  for (const socket of sockets.splice(0)) await socket.close();
  await expect(b.getByTestId("save-status")).toHaveAttribute("data-state", "shared-offline");
  await drawRectangle(b, [7.472, 51.497], [7.478, 51.5]);
  await expect.poll(() => areaNames(b)).toHaveLength(2);
  const bNames = await areaNames(b);
  await b.reload();
  await waitForWorkspace(b);
  await expect.poll(() => areaNames(b), { timeout: 30_000 }).toEqual(bNames);
  await expect(b.getByTestId("save-status")).toHaveAttribute("data-state", /shared-(offline|connecting)/);
  // Meanwhile A draws as well, and has not seen B's area.
  await drawRectangle(a.page, [7.462, 51.502], [7.468, 51.505]);
  await expect.poll(() => areaNames(a.page)).toHaveLength(2);

  // The connection returns: both have all three areas.
  online = true;
  await expect.poll(async () => (await areaNames(a.page)).length, { timeout: 90_000 }).toBe(3);
  await expect.poll(async () => (await areaNames(b)).length, { timeout: 90_000 }).toBe(3);
  expect(sorted(await areaNames(b))).toEqual(sorted(await areaNames(a.page)));

  // The server restarts; A draws while it is down. Nothing is lost on either side.
  const stopped = server as SyncServer;
  await stopSyncServer(stopped);
  await expect(a.page.getByTestId("save-status")).toHaveAttribute("data-state", "shared-offline");
  // (Low on the map: the presence card sits at the top right.)
  await drawRectangle(a.page, [7.462, 51.493], [7.468, 51.495]);
  await expect.poll(() => areaNames(a.page)).toHaveLength(4);
  server = await startSyncServer({ port: stopped.port, dataDir: stopped.dataDir });
  await expect.poll(async () => (await areaNames(b)).length, { timeout: 90_000 }).toBe(4);
  await expect(a.page.getByTestId("save-status")).toHaveAttribute("data-state", "shared-synced", {
    timeout: 60_000,
  });
  expect(sorted(await areaNames(b))).toEqual(sorted(await areaNames(a.page)));

  // A late joiner gets everything from the restarted server.
  const c = await openOnServer(browser, url, joinPath(editUrl), false);
  await expect
    .poll(async () => sorted(await areaNames(c.page)), { timeout: 30_000 })
    .toEqual(sorted(await areaNames(a.page)));
  for (const each of [a.context, context, c.context]) await each.close();
});
