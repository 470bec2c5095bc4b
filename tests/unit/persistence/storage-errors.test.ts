/**
 * storageErrorOf: how Dexie and DOM errors become the codes the UI explains (quota, unavailable,
 * blocked, unknown), both for hand-made errors and for errors that really come out of Dexie.
 */
// Must come before anything that imports Dexie, which looks for IndexedDB when it loads.
import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { PilotkarteDb } from "../../../src/persistence/db.ts";
import {
  PlanRepository,
  StorageError,
  type StorageErrorCode,
  storageErrorOf,
} from "../../../src/persistence/plan-repository.ts";
import { deleteFreshDatabases, freshRepository, standardPlan } from "./helpers.ts";

afterEach(async () => {
  await deleteFreshDatabases();
});

const dom = (name: string) => new DOMException(`${name} happened`, name);
/** Dexie mixes its error classes into the Dexie constructor (Dexie.QuotaExceededError, …). */
const errors = Dexie;

describe("storageErrorOf", () => {
  const cases: [string, unknown, StorageErrorCode][] = [
    ["a DOMException QuotaExceededError", dom("QuotaExceededError"), "quota"],
    ["Dexie's own QuotaExceededError", new errors.QuotaExceededError("full"), "quota"],
    [
      "a Dexie AbortError whose inner error is a QuotaExceededError",
      new errors.AbortError("aborted", dom("QuotaExceededError")),
      "quota",
    ],
    [
      "an OpenFailedError whose inner error is a QuotaExceededError",
      new errors.OpenFailedError(dom("QuotaExceededError")),
      "quota",
    ],
    ["a plain object named QuotaExceededError", { name: "QuotaExceededError", message: "full" }, "quota"],
    ["Dexie's MissingAPIError (no IndexedDB)", new errors.MissingAPIError(), "unavailable"],
    ["a DOMException InvalidStateError", dom("InvalidStateError"), "unavailable"],
    ["an OpenFailedError", new errors.OpenFailedError(dom("UnknownError")), "unavailable"],
    ["a DatabaseClosedError", new errors.DatabaseClosedError(), "blocked"],
    ["a VersionChangeError", new errors.VersionChangeError("upgraded elsewhere"), "blocked"],
    ["an error named BlockedError", { name: "BlockedError", message: "blocked" }, "blocked"],
    [
      "an AbortError without a quota cause",
      new errors.AbortError("aborted", dom("ConstraintError")),
      "unknown",
    ],
    ["a plain Error", new Error("boom"), "unknown"],
    ["a TypeError", new TypeError("x is not a function"), "unknown"],
    ["a thrown string", "something broke", "unknown"],
    ["null", null, "unknown"],
    ["undefined", undefined, "unknown"],
  ];

  for (const [what, error, code] of cases) {
    it(`classifies ${what} as "${code}", keeping the original as the cause`, () => {
      const classified = storageErrorOf(error);

      expect(classified).toBeInstanceOf(StorageError);
      expect(classified.name).toBe("StorageError");
      expect(classified.code).toBe(code);
      expect(classified.cause).toBe(error);
    });
  }

  it("keeps the message of an Error and turns anything else into text", () => {
    expect(storageErrorOf(new Error("disk on fire")).message).toBe("disk on fire");
    expect(storageErrorOf(dom("QuotaExceededError")).message).toBe("QuotaExceededError happened");
    expect(storageErrorOf("plain text").message).toBe("plain text");
    expect(storageErrorOf(null).message).toBe("null");
  });

  it("passes a StorageError through as the very same object", () => {
    const original = new StorageError("corrupt", "plan id missing");

    expect(storageErrorOf(original)).toBe(original);
  });
});

describe("errors as they come out of Dexie", () => {
  it("a quota failure raised by IndexedDB during a save reaches the caller as code 'quota'", async () => {
    const { db, repository } = freshRepository();
    db.use({
      stack: "dbcore",
      name: "full-disk",
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return name === "areas"
            ? { ...table, mutate: () => Promise.reject(dom("QuotaExceededError")) }
            : table;
        },
      }),
    });

    const failure = await repository.savePlanFull(standardPlan()).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(StorageError);
    expect((failure as StorageError).code).toBe("quota");
    // Nothing of the failed save was kept.
    expect(await db.plans.count()).toBe(0);
  });

  it("opening the database in a browser without IndexedDB gives code 'unavailable'", async () => {
    const saved = Dexie.dependencies.indexedDB;
    Dexie.dependencies.indexedDB = undefined as unknown as IDBFactory;
    let db: PilotkarteDb;
    try {
      db = new PilotkarteDb("pilotkarte-without-indexeddb");
    } finally {
      Dexie.dependencies.indexedDB = saved;
    }

    const failure = await db.open().catch((error: unknown) => error);

    expect(storageErrorOf(failure).code).toBe("unavailable");
    await expect(new PlanRepository(db).listPlans()).rejects.toBeInstanceOf(StorageError);
  });

  it("using a closed database gives code 'blocked'", async () => {
    const { db, repository } = freshRepository();
    await repository.savePlanFull(standardPlan());
    db.close();

    await expect(repository.loadPlan("plan-1")).rejects.toMatchObject({
      name: "StorageError",
      code: "blocked",
    });
  });
});
