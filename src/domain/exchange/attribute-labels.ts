/**
 * Readable labels of the codes an export writes (alliance fields, area statuses, reference levels),
 * in German and English, and the way back: a code from whatever a person or a spreadsheet wrote
 * ("Mobilität und Logistik", "Mobility and logistics", "mobilitaet", " KANDIDAT ").
 *
 * The export runs in the exchange worker and on the command line, which have no i18next, so the labels
 * live here. They are the UI's own words (`map.fields` and `attributes.statuses` in
 * `src/i18n/messages/*.ts`); a unit test keeps both in step.
 */
import {
  ALLIANCE_FIELDS,
  type AllianceField,
  type LocalisedText,
  type ReferenceLevel,
} from "../model/catalogue.ts";
import { AREA_STATUSES, type AreaStatus } from "../model/plan.ts";

/** Language of the readable columns, labels and data dictionary of an export. */
export type ExportLanguage = "de" | "en";
export const EXPORT_LANGUAGES: readonly ExportLanguage[] = ["de", "en"];

/** The alliance fields' names, as the UI shows them. */
export const FIELD_LABELS: Readonly<Record<AllianceField, LocalisedText>> = {
  energie: { de: "Energie-Management", en: "Energy management" },
  mobilitaet: { de: "Mobilität und Logistik", en: "Mobility and logistics" },
  mensch: { de: "Mensch und demografischer Wandel", en: "People and demographic change" },
  "it-buergerservice": { de: "IT-Plattformen und Bürgerservices", en: "IT platforms and citizen services" },
  "infrastruktur-sicherheit": {
    de: "Städtische Infrastruktur und Sicherheit",
    en: "Urban infrastructure and safety",
  },
};

/** The statuses' names, as the UI shows them. */
export const STATUS_LABELS: Readonly<Record<AreaStatus, LocalisedText>> = {
  idee: { de: "Idee", en: "Idea" },
  kandidat: { de: "Kandidat", en: "Candidate" },
  abgestimmt: { de: "abgestimmt", en: "Agreed" },
  verworfen: { de: "verworfen", en: "Rejected" },
};

/** One district of a level, in the singular (for the district table). */
export const LEVEL_LABELS: Readonly<Record<ReferenceLevel, LocalisedText>> = {
  stadtbezirk: { de: "Stadtbezirk", en: "City district" },
  "statistischer-bezirk": { de: "Statistischer Bezirk", en: "Statistical district" },
  unterbezirk: { de: "Statistischer Unterbezirk", en: "Statistical sub-district" },
};

/**
 * Short words people use for a field besides its code and full names (compared after
 * {@link normaliseLabel}).
 */
const FIELD_SHORT_NAMES: Readonly<Record<AllianceField, readonly string[]>> = {
  energie: ["energie", "energy", "energiemanagement"],
  mobilitaet: ["mobilitaet", "mobility", "mobilitaetlogistik"],
  mensch: ["mensch", "people", "demografischerwandel", "demographicchange"],
  "it-buergerservice": ["it", "itplattformen", "buergerservice", "buergerservices", "citizenservices"],
  "infrastruktur-sicherheit": [
    "infrastruktur",
    "sicherheit",
    "infrastructure",
    "safety",
    "urbaninfrastructure",
  ],
};

/**
 * A label reduced to what tells labels apart: lower case, umlauts spelled out (ä → ae, ß → ss), other
 * accents dropped, and nothing but letters and digits ("IT-Plattformen und Bürgerservices" →
 * "itplattformenundbuergerservices"), so case, spaces, hyphens and "ä" versus "ae" do not matter.
 */
export function normaliseLabel(text: string): string {
  return text
    .toLocaleLowerCase("de")
    .replaceAll("ä", "ae")
    .replaceAll("ö", "oe")
    .replaceAll("ü", "ue")
    .replaceAll("ß", "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "");
}

function lookup<K extends string>(
  codes: readonly K[],
  labels: Readonly<Record<K, LocalisedText>>,
  extra: Readonly<Partial<Record<K, readonly string[]>>>,
): ReadonlyMap<string, K> {
  const map = new Map<string, K>();
  for (const code of codes) {
    for (const text of [code, labels[code].de, labels[code].en, ...(extra[code] ?? [])])
      map.set(normaliseLabel(text), code);
  }
  return map;
}

const FIELDS_BY_TEXT = lookup(ALLIANCE_FIELDS, FIELD_LABELS, FIELD_SHORT_NAMES);
const STATUSES_BY_TEXT = lookup(AREA_STATUSES, STATUS_LABELS, { abgestimmt: ["approved"] });

/** The field a text names (its code, German or English name or a short word), or null. */
export function fieldFromText(text: string): AllianceField | null {
  return FIELDS_BY_TEXT.get(normaliseLabel(text)) ?? null;
}

/** The status a text names (its code or its German or English name), or null. */
export function statusFromText(text: string): AreaStatus | null {
  return STATUSES_BY_TEXT.get(normaliseLabel(text)) ?? null;
}

/** Separator of readable lists (labels), a ";" like the code lists, with a space for reading. */
export const LABEL_SEPARATOR = "; ";

/** The readable names of fields, joined with "; ". */
export function fieldsLabel(fields: readonly AllianceField[], language: ExportLanguage): string {
  return fields.map((f) => FIELD_LABELS[f]?.[language] ?? f).join(LABEL_SEPARATOR);
}

/** The readable name of a status. */
export function statusLabel(status: AreaStatus, language: ExportLanguage): string {
  return STATUS_LABELS[status]?.[language] ?? status;
}

const PERCENT: Readonly<Record<ExportLanguage, Intl.NumberFormat>> = {
  de: new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2, useGrouping: false }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2, useGrouping: false }),
};

/**
 * A share 0..1 as a percentage with at most 2 decimals in the language's number format ("42,13 %",
 * "42.13%"); a share above 0 that would round to 0 is "< 0,01 %", so that no covered district reads
 * as not covered.
 */
export function formatShare(share: number, language: ExportLanguage): string {
  const percent = share * 100;
  const small = share > 0 && percent < 0.005;
  const number = PERCENT[language].format(small ? 0.01 : percent);
  const text = language === "de" ? `${number} %` : `${number}%`;
  return small ? `< ${text}` : text;
}
