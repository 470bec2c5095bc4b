import { describe, expect, it } from "vitest";
import { InvalidChangeError } from "../../../../src/domain/changes/invalid-change-error.ts";
import {
  type Collection,
  deleteEntry,
  moveEntry,
  putEntry,
  requireEntry,
  withEntry,
} from "../../../../src/domain/changes/ordered-collection.ts";
import { deepFreeze } from "./plan-fixtures.ts";

const letters = (): Collection<string, number> =>
  deepFreeze({ order: ["a", "b", "c"], records: { a: 1, b: 2, c: 3 } });

describe("ordered collection", () => {
  describe("requireEntry", () => {
    it("finds an entry and its index", () => {
      expect(requireEntry(letters(), "b", "letter", "here")).toEqual({ index: 1, value: 2 });
    });

    it("throws when the entry does not exist", () => {
      expect(() => requireEntry(letters(), "z", "letter", "here")).toThrow(InvalidChangeError);
    });

    it("throws when the order and the record disagree", () => {
      const broken = { order: ["a"], records: { a: 1, b: 2 } };
      expect(() => requireEntry(broken, "b", "letter", "here")).toThrow(/in the record but not in the order/);
    });

    it("does not find inherited properties such as constructor", () => {
      expect(() => requireEntry(letters(), "constructor", "letter", "here")).toThrow(/does not exist/);
    });
  });

  describe("putEntry", () => {
    it("appends a new entry without an index", () => {
      const { next, previous } = putEntry(letters(), "d", 4, undefined, "letter", "here");
      expect(next).toEqual({ order: ["a", "b", "c", "d"], records: { a: 1, b: 2, c: 3, d: 4 } });
      expect(previous).toBeUndefined();
    });

    it("clamps an index outside the order", () => {
      expect(putEntry(letters(), "d", 4, -5, "letter", "here").next.order).toEqual(["d", "a", "b", "c"]);
      expect(putEntry(letters(), "d", 4, 99, "letter", "here").next.order).toEqual(["a", "b", "c", "d"]);
    });

    it("keeps a replaced entry in its place, and the order array its identity", () => {
      const collection = letters();
      const { next, previous } = putEntry(collection, "b", 20, undefined, "letter", "here");
      expect(next.order).toBe(collection.order);
      expect(next.records.b).toBe(20);
      expect(previous).toEqual({ index: 1, value: 2 });
    });

    it("moves a replaced entry when an index is given", () => {
      expect(putEntry(letters(), "c", 30, 0, "letter", "here").next.order).toEqual(["c", "a", "b"]);
    });

    it("throws for an index that is not an integer", () => {
      expect(() => putEntry(letters(), "d", 4, 1.5, "letter", "here")).toThrow(/not an integer/);
    });
  });

  describe("deleteEntry", () => {
    it("removes the entry from the order and the record and says where it stood", () => {
      const { next, previous } = deleteEntry(letters(), "b", "letter", "here");
      expect(next).toEqual({ order: ["a", "c"], records: { a: 1, c: 3 } });
      expect(previous).toEqual({ index: 1, value: 2 });
    });
  });

  describe("moveEntry", () => {
    it("moves an entry and says where it came from", () => {
      const { next, from } = moveEntry(letters(), "a", 2, "letter", "here");
      expect(next.order).toEqual(["b", "c", "a"]);
      expect(from).toBe(0);
    });

    it("throws for an index outside the order", () => {
      expect(() => moveEntry(letters(), "a", 3, "letter", "in the test")).toThrow(
        'cannot move letter "a" in the test to index 3: valid indexes are 0 to 2',
      );
    });
  });

  describe("withEntry", () => {
    it("keeps __proto__ as a plain own property", () => {
      const records = withEntry<number>({}, "__proto__", 1);
      expect(Object.hasOwn(records, "__proto__")).toBe(true);
      expect(Object.getPrototypeOf(records)).toBe(Object.prototype);
    });
  });
});
