/** English messages of the share link and the one-pagers (the `share` namespace); see share-de.ts. */
import type { shareDe } from "./share-de.ts";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const shareEn: Widen<typeof shareDe> = {
  open: "Share",
  openHint: "Share the active variant as a link and QR code",
  dialog: {
    heading: "Share variant “{{name}}”",
    intro:
      "The link holds the whole variant (names, fields, partners, status, notes, shapes). It is sent to no server: whoever opens it sees the areas read-only and can add them to their own plans.",
    linkLabel: "Link to the variant",
    copy: "Copy link",
    copied: "The link is on the clipboard.",
    copyFailed: "The browser does not allow copying. Please copy the selected link with Ctrl+C (Mac: Cmd+C).",
    length: "Length: {{chars}} characters (at most {{max}})",
    qrAlt: "QR code with the link to the variant “{{name}}”",
    qrTooLong:
      "No QR code: at {{chars}} characters the link is too long for one QR code (at most {{max}}). Please send the link by mail or chat.",
    qrFailed: "The QR code could not be made.",
    skipped_one: "{{count}} area was left out: it is smaller than the link's precision (about 5 cm).",
    skipped_other: "{{count}} areas were left out: they are smaller than the link's precision (about 5 cm).",
    empty: "The variant has no pilot areas yet. The link shows an empty variant.",
    tooLarge:
      "This variant is too large for a link: the link would have {{chars}} characters, at most {{max}} travel safely. Please pass the variant on as a file.",
    exportOffer: "Export as a file instead",
    exportHint:
      "Opens the export (for example GeoJSON or GeoPackage); the recipient reads the file in with “Import”.",
    stand: "As of: {{time}}",
    onepagerHint: "For printouts and minutes: the variant on one A4 page with map, figures and sources.",
  },
  view: {
    heading: "Shared variant",
    plan: "Plan",
    variant: "Variant",
    stand: "As of: {{time}}",
    readOnly: "View only: nothing can be changed here. Your own plans are not touched.",
    adopt: "Add to my plans",
    adoptHint: "Adds the variant as a new variant to the plan open now (undo with Ctrl+Z).",
    adoptLabel: "Add shared variant",
    adoptedName: "{{name}} (shared)",
    adoptedNameN: "{{name}} (shared {{n}})",
    adopted: "The variant “{{name}}” was added to the plan “{{plan}}”.",
    adoptFailed: "The variant could not be added.",
    adoptReadOnly:
      "Your plan “{{plan}}” is open for editing in another tab and cannot be changed here. Open the link in that tab, or add the variant here as a new plan.",
    adoptAsPlan: "Add as a new plan",
    adoptAsPlanHint: "Makes a new plan “{{plan}}” with this variant and opens it.",
    adoptedPlan: "The plan “{{plan}}” with the variant “{{name}}” was made.",
    toWorkspace: "To the workspace",
    areas: "Pilot areas",
    areaCount_one: "{{count}} pilot area",
    areaCount_other: "{{count}} pilot areas",
    noAreas: "The variant holds no pilot areas.",
    repaired_one:
      "{{count}} area shape was repaired after rounding to the link's precision; its area may differ very slightly.",
    repaired_other:
      "{{count}} area shapes were repaired after rounding to the link's precision; their areas may differ very slightly.",
    computing: "Computing the figures …",
    figuresFailed: "The figures could not be computed.",
    figuresNote: "The figures are computed here again from this app's data (computed at {{time}}).",
    none: "–",
    map: "Map of the shared pilot areas",
    sources: "Sources and licences",
    problemHeading: "This link cannot be opened",
    problems: {
      "not-a-share-link":
        "This is not a Pilotkarte share link. Please open the complete link from the message.",
      corrupt:
        "The link is damaged: some characters were changed on the way (for example by a mail program). Please ask for a new link or a file.",
      truncated:
        "The link is incomplete: it was cut off on the way. Please copy the whole link or ask for a file.",
      "newer-version":
        "The link comes from a newer version of Pilotkarte (format {{detail}}). Please update the app (reload) and open the link again.",
      "invalid-content":
        "The link is intact but holds no valid variant ({{detail}}). Please ask for a new link.",
      "too-long":
        "The link is too long ({{detail}} characters): Pilotkarte never makes links this long, so it is not read. Please ask for a file instead of a link.",
      "too-complex":
        "Area {{area}} in the link has {{vertices}} vertices and is broken; areas are repaired here up to {{maxVertices}} vertices. The link is not shown – please ask for a file instead of a link.",
      "too-slow":
        "The link could not be read in reasonable time (stopped after {{detail}} s): its areas are too complex to repair. Please ask for a file instead of a link.",
    },
    reading: "Reading the link …",
    problemSafe: "Your own plans were not changed.",
  },
  onepager: {
    open: "One-pager",
    openArea: "One-pager of this area (printable)",
    openVariant: "One-pager of the variant (printable)",
    titleArea: "Pilot area one-pager “{{name}}”",
    titleVariant: "Variant one-pager “{{name}}”",
    subtitle: "Plan “{{plan}}” · variant “{{variant}}” · as of: {{time}} · made with Pilotkarte Dortmund",
    print: "Print / save as PDF",
    close: "Close",
    dialogLabel: "Print view",
    mapCaption:
      "Location in Dortmund (city and statistical districts; the area in colour, other areas of the variant dashed)",
    mapCaptionVariant: "The variant's pilot areas in Dortmund (city districts)",
    mapAlt: "Map: {{name}} in Dortmund",
    facts: "Details",
    fields: "Fields",
    partners: "Partners",
    status: "Status",
    notes: "Notes",
    none: "–",
    figures: "Figures",
    area: "Area",
    perimeter: "Perimeter",
    cityShare: "Share of the city's area",
    residents: "Residents reached",
    residentsMethods: "Methods",
    facilities: "Facilities in the area",
    facilitiesNear: "within {{m}} m",
    noFacilities: "No facilities of the data layers in the area.",
    districts: "Districts touched ({{level}})",
    overlaps: "Overlaps with other areas of the variant",
    noOverlaps: "No overlaps.",
    overlapWith: "with “{{name}}”",
    areasTable: "Pilot areas",
    totals: "Totals without double counting",
    sources: "Sources and licences",
    sourceLine: "{{title}}: {{credit}} · {{licence}} · {{date}}",
    computing: "Computing the figures …",
    failed: "The figures could not be computed.",
    areaFailed: "No figures could be computed for this area.",
  },
};
