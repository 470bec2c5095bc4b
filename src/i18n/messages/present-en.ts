/** English messages of presentation mode; same keys and placeholders as present-de.ts. */
import type { presentDe } from "./present-de.ts";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const presentEn: Widen<typeof presentDe> = {
  start: "Present",
  startTitle: "Start the presentation in full screen (arrow keys move, Esc ends)",
  label: "Presentation",
  loading: "Computing the figures for the presentation …",
  failed:
    "The figures for the presentation could not be computed (the analysis is not available). Please end the presentation and reload the page.",
  indicatorOverview: "Variant {{variant}} of {{variants}} · Overview",
  indicatorArea: "Variant {{variant}} of {{variants}} · Area {{area}} of {{areas}}",
  slideNumber: "Slide {{n}} of {{total}}",
  frozen: "As of: {{time}}",
  overviewTitle: "Overview",
  announceOverview: "{{variant}}, overview. {{indicator}}",
  announceArea: "{{area}}, {{variant}}. {{indicator}}",
  mapLabel: "Map: {{title}}",
  figures: {
    heading: "Key figures",
    unionArea: "Area (overlaps counted once)",
    area: "Area",
    residents: "Residents reached",
    residentsNote: "range of two estimates, census 2011",
    facilities: "Facilities in the area",
    districts: "City districts",
    overlaps: "Overlaps",
    overlapsValue: "{{count}} · {{area}}",
    none: "none",
    noFigures: "There are no figures for this area (the analysis failed).",
    noAreas: "This variant has no pilot areas yet.",
  },
  legend: "Pilot areas ({{n}})",
  controls: {
    toolbar: "Presentation controls",
    previous: "Back",
    next: "Next",
    spotlight: "Spotlight (S)",
    audience: "Audience window",
    audienceTitle: "Open a second window with the slides only (for the projector)",
    presenterView: "Presenter view",
    slideView: "Slide view",
    exit: "End (Esc)",
    keys: "← → / Page ↑ ↓ move · 1–4 variant · Home/End · S spotlight · Esc ends",
    popupBlocked:
      "The browser blocked the audience window. Please allow pop-ups for this site and try again.",
    audienceConnected: "Audience window connected",
    audienceNone: "No audience window connected",
  },
  presenter: {
    current: "Current slide",
    next: "Next slide",
    end: "End of the presentation",
    notes: "Speaker notes",
    fields: "Fields",
    partners: "Partners",
    status: "Status",
    areaNotes: "Notes",
    noNotes: "No notes.",
    none: "–",
    areasOfVariant: "Areas of this variant",
  },
  audience: {
    title: "Audience window",
    waiting: "Waiting for the presentation …",
    waitingHint:
      "This window shows the slides as soon as the main window presents. Drag it to the projector and press F11 for full screen.",
    ended: "The presentation has ended. You can close this window.",
  },
};
