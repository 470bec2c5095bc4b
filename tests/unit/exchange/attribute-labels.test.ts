/**
 * The readable labels of fields, statuses and levels, both ways: code → label in German and English
 * (the UI's own words, kept in step with the message files), and label → code from what people write.
 */
import { describe, expect, it } from "vitest";
import { formatShare } from "../../../src/domain/exchange/attribute-labels.ts";
import {
  FIELD_LABELS,
  fieldFromText,
  normaliseLabel,
  STATUS_LABELS,
  statusFromText,
} from "../../../src/domain/exchange/index.ts";
import { ALLIANCE_FIELDS } from "../../../src/domain/model/catalogue.ts";
import { AREA_STATUSES } from "../../../src/domain/model/plan.ts";
import { de } from "../../../src/i18n/messages/de.ts";
import { en } from "../../../src/i18n/messages/en.ts";

describe("export labels", () => {
  it("are the UI's own words for every field and status, in German and English", () => {
    for (const field of ALLIANCE_FIELDS) {
      expect(FIELD_LABELS[field]).toEqual({ de: de.layers.fields[field], en: en.layers.fields[field] });
    }
    for (const status of AREA_STATUSES) {
      expect(STATUS_LABELS[status]).toEqual({
        de: de.attributes.statuses[status],
        en: en.attributes.statuses[status],
      });
    }
  });

  it("formats shares as percentages in the language's number format, never a covered 0 %", () => {
    expect(formatShare(0.4213, "de")).toBe("42,13 %");
    expect(formatShare(0.4213, "en")).toBe("42.13%");
    expect(formatShare(1, "de")).toBe("100 %");
    expect(formatShare(0.00001, "de")).toBe("< 0,01 %");
    expect(formatShare(0.00001, "en")).toBe("< 0.01%");
    expect(formatShare(0, "en")).toBe("0%");
  });
});

describe("label → code", () => {
  it("reads every code and every German and English label back to its code", () => {
    for (const field of ALLIANCE_FIELDS) {
      expect(fieldFromText(field)).toBe(field);
      expect(fieldFromText(FIELD_LABELS[field].de)).toBe(field);
      expect(fieldFromText(FIELD_LABELS[field].en)).toBe(field);
    }
    for (const status of AREA_STATUSES) {
      expect(statusFromText(status)).toBe(status);
      expect(statusFromText(STATUS_LABELS[status].de)).toBe(status);
      expect(statusFromText(STATUS_LABELS[status].en)).toBe(status);
    }
  });

  it("ignores case, spaces, hyphens and umlauts spelled out, and knows short words", () => {
    expect(fieldFromText("  MOBILITÄT UND LOGISTIK ")).toBe("mobilitaet");
    expect(fieldFromText("Mobilitaet und Logistik")).toBe("mobilitaet");
    expect(fieldFromText("mobility and logistics")).toBe("mobilitaet");
    expect(fieldFromText("Mobilität")).toBe("mobilitaet");
    expect(fieldFromText("Energiemanagement")).toBe("energie");
    expect(fieldFromText("IT Plattformen und Buergerservices")).toBe("it-buergerservice");
    expect(fieldFromText("it-buergerservice")).toBe("it-buergerservice");
    expect(fieldFromText("Städtische Infrastruktur und Sicherheit")).toBe("infrastruktur-sicherheit");
    expect(statusFromText(" kandidat ")).toBe("kandidat");
    expect(statusFromText("CANDIDATE")).toBe("kandidat");
    expect(statusFromText("Abgestimmt")).toBe("abgestimmt");
    expect(statusFromText("agreed")).toBe("abgestimmt");
  });

  it("gives null for what names no field or status", () => {
    expect(fieldFromText("Landwirtschaft")).toBeNull();
    expect(fieldFromText("")).toBeNull();
    expect(statusFromText("vielleicht")).toBeNull();
    expect(statusFromText("")).toBeNull();
  });

  it("never gives two codes the same text", () => {
    const owners = new Map<string, string>();
    const claim = (code: string, texts: string[]) => {
      for (const text of texts.map(normaliseLabel)) {
        expect(owners.get(text) ?? code, text).toBe(code);
        owners.set(text, code);
      }
    };
    for (const f of ALLIANCE_FIELDS) claim(f, [f, FIELD_LABELS[f].de, FIELD_LABELS[f].en]);
    owners.clear();
    for (const s of AREA_STATUSES) claim(s, [s, STATUS_LABELS[s].de, STATUS_LABELS[s].en]);
  });
});
