import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { de } from "../../../../src/i18n/messages/de.ts";
import { en } from "../../../../src/i18n/messages/en.ts";
import { describeEvent, formatPosition } from "../../../../src/ui/keyboard/KeyboardPanel.tsx";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng: "de",
    interpolation: { escapeValue: false },
  });
});
const tDe = (key: string, values?: Record<string, unknown>) => i18n.getFixedT("de")(key, values);
const tEn = (key: string, values?: Record<string, unknown>) => i18n.getFixedT("en")(key, values);

describe("announcements of keyboard drawing", () => {
  it("give positions to about a metre, in the language's number format", () => {
    expect(formatPosition([7.465432, 51.512345], "de", tDe)).toBe("51,51235 N, 7,46543 O");
    expect(formatPosition([7.465432, 51.512345], "en", tEn)).toBe("51.51235 N, 7.46543 E");
  });

  it("word each step in German and English", () => {
    const at: [number, number] = [7.46543, 51.51234];
    expect(describeEvent({ kind: "vertex-added", index: 3, at }, "de", tDe)).toBe(
      "Punkt 3 gesetzt: 51,51234 N, 7,46543 O",
    );
    expect(describeEvent({ kind: "created", name: "Nordmarkt", areaM2: 123_000 }, "de", tDe)).toContain(
      "Fläche erstellt: „Nordmarkt“, 12,30\u00a0ha.",
    );
    expect(describeEvent({ kind: "created", name: "Nordmarkt", areaM2: 123_000 }, "en", tEn)).toContain(
      "Area created: “Nordmarkt”, 12.30\u00a0ha.",
    );
    expect(
      describeEvent({ kind: "refused", reason: "too-small", areaM2: 150.4, minAreaM2: 500 }, "de", tDe),
    ).toContain("150 m² kleiner als das Minimum von 500 m²");
    expect(describeEvent({ kind: "vertex-deleted", index: 2, count: 4 }, "en", tEn)).toBe(
      "Point 2 deleted, 4 left.",
    );
  });

  it("never falls back to a raw message key", () => {
    const at: [number, number] = [7.4, 51.5];
    const events = [
      { kind: "crosshair", at },
      { kind: "vertex-added", index: 1, at },
      { kind: "vertex-removed", remaining: 1 },
      { kind: "too-few", count: 2 },
      { kind: "cancelled" },
      { kind: "created", name: "A", areaM2: 1 },
      { kind: "refused", reason: "empty", areaM2: 0, minAreaM2: 500 },
      { kind: "refused", reason: "invalid-geometry", areaM2: 0, minAreaM2: 500 },
      { kind: "tool-not-supported" },
      { kind: "edit-started", name: "A", count: 4, at },
      { kind: "vertex-selected", index: 1, count: 4, at },
      { kind: "vertex-moved", index: 1, at },
      { kind: "vertex-inserted", index: 2, count: 5, at },
      { kind: "vertex-deleted", index: 2, count: 3 },
      { kind: "cannot-delete", count: 3 },
      { kind: "edit-committed", name: "A", areaM2: 1 },
      { kind: "edit-cancelled" },
      { kind: "not-editable" },
    ] as const;
    for (const event of events) {
      for (const [language, t] of [
        ["de", tDe],
        ["en", tEn],
      ] as const) {
        const text = describeEvent(event, language, t);
        expect(text, `${language} ${event.kind}`).not.toMatch(/a11y\.|draw\.refused/);
        expect(text.length).toBeGreaterThan(10);
      }
    }
  });
});
