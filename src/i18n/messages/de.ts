/** German UI messages (the default language). Keys are shared with en.ts; the type check keeps them in step. */
import { a11yDe } from "./a11y-de.ts";
import { areasDe } from "./areas-de.ts";
import { compareDe } from "./compare-de.ts";
import { drawDe } from "./draw-de.ts";
import { exchangeDe } from "./exchange-de.ts";
import { mapDe } from "./map-de.ts";
import { presentDe } from "./present-de.ts";
import { resultsDe } from "./results-de.ts";
import { shareDe } from "./share-de.ts";
import { storageDe } from "./storage-de.ts";
import { validationDe } from "./validation-de.ts";
import { variantDe } from "./variant-de.ts";
export const de = {
  app: {
    title: "Pilotkarte Dortmund",
    subtitle: "Pilotgebiete der Smart-City-Allianz planen",
    skipToMap: "Zur Karte springen",
    skipToLayers: "Zu den Ebenen springen",
    language: "Sprache",
    switchToEnglish: "English",
    switchToGerman: "Deutsch",
    aboutData: "Über die Daten",
    loading: "Lade Daten für Dortmund …",
    loadFailedTitle: "Die Kartendaten konnten nicht geladen werden",
    loadFailedHint:
      "Bitte den Datenschritt ausführen (npm run data) und die App neu starten. Ohne vollständige Daten startet die Karte nicht.",
    formatMismatch:
      "Die erzeugten Daten haben das Format {{found}}, erwartet wird {{expected}}. Bitte npm run data erneut ausführen.",
    crashTitle: "Ein unerwarteter Fehler ist aufgetreten",
    updateAvailable: "Eine neue Version von Pilotkarte ist bereit. Ihre Arbeit ist gespeichert.",
    updateNow: "Jetzt aktualisieren",
    updateLater: "Später",
    reload: "Neu laden",
    close: "Schließen",
  },
  ...mapDe,
  ...drawDe,
  ...areasDe,
  ...storageDe,
  ...resultsDe,
  about: {
    heading: "Über die Daten",
    intro:
      "Alle Ebenen stammen aus offenen Daten. Der Datenschritt hat jede Ebene geprüft (Datei vorhanden, Anzahl, Lage in Dortmund, gültige Geometrien, erwartete Attribute).",
    generated:
      "Erzeugt am {{date}} vom Datenschritt aus dem Datenordner „{{folder}}“ (offene Daten; Quellen und Lizenzen unten).",
    columns: {
      layer: "Ebene",
      kind: "Art",
      publisher: "Herausgeber",
      licence: "Lizenz",
      credit: "Namensnennung",
      date: "Datenstand",
      count: "Anzahl",
      notes: "Hinweise",
    },
    kinds: {
      boundary: "Grenze",
      "reference-areas": "Bezugsräume",
      population: "Bevölkerung",
      "facility-points": "Einrichtungen (Punkte)",
      "context-areas": "Kontextflächen",
      "basemap-points": "Grundkarte (Punkte)",
      "basemap-vector": "Grundkarte (Vektorkacheln)",
    },
    unverified: "Lizenz nicht beim Herausgeber geprüft",
    missing:
      "Fehlende Daten: keine vollständige aktuelle Ladepunktliste (nur Schnellladepunkte ab 50 kW, Stand 2026; normale AC-Ladepunkte fehlen), kein Offline-Straßennetz, Bevölkerung nur im 1-km-Raster (Zensus 2022, zum Vergleich 2011), keine amtlichen Einwohnerzahlen je Unterbezirk. Eigene Daten lassen sich über „Importieren“ als Ebene oder als Pilotgebiete hinzufügen.",
    basemaps: "Online-Grundkarten",
  },
  exchange: exchangeDe,
  a11y: a11yDe,
  present: presentDe,
  variant: variantDe,
  compare: compareDe,
  share: shareDe,
  validation: validationDe,
} as const;
