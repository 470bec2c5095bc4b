import { a11yEn } from "./a11y-en.ts";
import { areasEn } from "./areas-en.ts";
import { compareEn } from "./compare-en.ts";
import { drawEn } from "./draw-en.ts";
import { exchangeEn } from "./exchange-en.ts";
import { mapEn } from "./map-en.ts";
import { presentEn } from "./present-en.ts";
import { resultsEn } from "./results-en.ts";
import { shareEn } from "./share-en.ts";
import { storageEn } from "./storage-en.ts";
import type { Messages } from "./types.ts";
import { validationEn } from "./validation-en.ts";
import { variantEn } from "./variant-en.ts";

/** English UI messages; must have every key of de.ts (the type check enforces it). */
export const en: Messages = {
  app: {
    title: "Pilotkarte Dortmund",
    subtitle: "Planning pilot areas for the Smart City alliance",
    skipToMap: "Skip to the map",
    skipToLayers: "Skip to the layers",
    language: "Language",
    switchToEnglish: "English",
    switchToGerman: "Deutsch",
    aboutData: "About the data",
    loading: "Loading data for Dortmund …",
    loadFailedTitle: "The map data could not be loaded",
    loadFailedHint:
      "Please run the data step (npm run data) and restart the app. The map does not start without complete data.",
    formatMismatch:
      "The generated data has format {{found}}, expected {{expected}}. Please run npm run data again.",
    crashTitle: "An unexpected error occurred",
    updateAvailable: "A new version of Pilotkarte is ready. Your work is saved.",
    updateNow: "Update now",
    updateLater: "Later",
    reload: "Reload",
    close: "Close",
  },
  ...mapEn,
  ...drawEn,
  ...areasEn,
  ...storageEn,
  ...resultsEn,
  about: {
    heading: "About the data",
    intro:
      "All layers come from open data. The data step checked each layer (file present, count, location in Dortmund, valid geometries, expected attributes).",
    generated:
      "Generated on {{date}} by the data step from the data folder “{{folder}}” (open data; sources and licences below).",
    columns: {
      layer: "Layer",
      kind: "Kind",
      publisher: "Publisher",
      licence: "Licence",
      credit: "Credit",
      date: "Data date",
      count: "Count",
      notes: "Notes",
    },
    kinds: {
      boundary: "Boundary",
      "reference-areas": "Reference areas",
      population: "Population",
      "facility-points": "Facilities (points)",
      "context-areas": "Context areas",
      "basemap-points": "Basemap (points)",
      "basemap-vector": "Basemap (vector tiles)",
    },
    unverified: "Licence not confirmed with the publisher",
    missing:
      "Missing data: no complete current charger list (fast chargers ≥ 50 kW only, 2026; normal AC points are missing), no offline street network, population only as a 1 km grid (census 2022, 2011 for comparison), no official residents per sub-district. Your own data can be added as a layer or as pilot areas with “Import”.",
    basemaps: "Online basemaps",
  },
  exchange: exchangeEn,
  a11y: a11yEn,
  present: presentEn,
  variant: variantEn,
  compare: compareEn,
  share: shareEn,
  validation: validationEn,
};
