/** English messages of the results beside the map: the selected area's coverage, overlaps and the variant's totals; same keys and placeholders as results-de.ts. */
import type { resultsDe } from "./results-de.ts";
import type { Widen } from "./types.ts";

export const resultsEn: Widen<typeof resultsDe> = {
  results: {
    heading: "Results",
    hide: "Hide the results",
    show: "Show the results",
    resize: "Width of the results (arrow keys change it)",
    empty:
      "Click a pilot area on the map or in the list: its area, residents, districts and facilities appear here.",
  },
  coverage: {
    heading: "Coverage",
    loading: "The analysis is loading its data …",
    failed: "The analysis could not be started.",
    computing: "computing …",
    area: "Area",
    cityShare: "Share of the city area",
    residents: "Residents reached",
    residentsRange: "{{low}} – {{high}}",
    intersection: "Intersection",
    live: "live",
    timeout:
      "The analysis of this shape did not finish in reasonable time (it was stopped). Please simplify or check the shape; the geometry itself is saved.",
    restarting: "Restarting the analysis …",
    restarted: "An analysis hung and was stopped; the analysis has been restarted.",
    sinceSnapshot: "Since snapshot {{time}}",
    newSinceSnapshot: "new",
    unchanged: "unchanged",
    residentsDelta: "{{n}} res.",
    facilitiesDelta: "{{n}} fac.",
    before: "Snapshot",
    now: "now",
    explain: {
      source: "Source: {{title}} – {{credit}}, as of {{date}}, licence {{licence}}.",
      sourceShort: "Source: {{credit}}, as of {{date}}.",
      area: "Geodesic on the WGS84 ellipsoid (GeographicLib), holes subtracted. Perimeter: {{perimeter}} km.",
      city: "{{inside}} of the pilot area lie inside the city ({{shareInside}} of the area). City area used: {{city}}.",
      method: {
        "area-weighted-grid":
          "each grid cell (1 km²) contributes its residents ({{year}}) times the share of its area inside the pilot area.",
        "dasymetric-addresses":
          "each grid cell's residents ({{year}}) are spread evenly over its address points ({{weightsYear}}); the {{addresses}} address points inside the area are summed.",
      },
      unplaced:
        "{{n}} residents (area-weighted) live in grid cells without address points; the address method cannot place them.",
      cellsCaption: "Grid cells contributing most ({{shown}} of {{total}})",
      cell: "Cell",
      cellResidents: "Residents {{year}}",
      cellShare: "Share inside",
      cellContribution: "Contribution",
      cellAddresses: "Addresses",
      secret: "confidential (0)",
      districts:
        "Geodesic intersection; “district covered” = intersection ÷ district area, “share of pilot area” = intersection ÷ pilot area.",
      facilities:
        "Points inside the area and up to {{m}} m straight-line distance from its edge (geodesic; points inside included). Click a layer for the names.",
      unnamed: "(no name)",
      more: "… and {{n}} more",
      sinceSnapshot:
        "Compared with the same pilot area in the latest snapshot ({{time}}); residents as the middle of the range, facilities of all layers inside.",
    },
    change: "Change {{from}}→{{to}}",
    changeValue: "{{range}} ({{percent}})",
    changeExplain:
      "The same area on both census grids (1 km, the same cells), per method. The range above goes from the smallest to the largest change of the two methods; the percentage refers to the area-weighted figure.",
    changeMethod: "{{method}}: {{from}} ({{fromYear}}) → {{to}} ({{toYear}}), {{change}}",
    ageGroups: "Age groups (census {{year}})",
    ageGroup: {
      under15: "under 15",
      age65plus: "65 and over",
    },
    ageValue: "{{range}} · {{share}}",
    shareRange: "{{low}} – {{high}}",
    ageExplain:
      "Estimated like the residents, by both methods, from the cells' counts of the age group; the share is the age group ÷ residents by the same method.",
    ageCaveat:
      "The source's caveat: census values are slightly perturbed for confidentiality, and a 0 in an age group can also mean “not available” (so in {{zeros}} of the {{cells}} cells here). Together the groups never exceed the residents.",
    ageMethod: "{{method}}: {{value}} ({{share}} of the residents)",
    cellGroup: "of which {{group}}",
    methods: {
      "area-weighted-grid": "area-weighted from the census {{year}} grid (1 km)",
      "dasymetric-addresses": "spread over address points (census {{year}}, addresses {{weightsYear}})",
    },
    districts: "Districts",
    district: "District",
    shareOfDistrict: "District covered",
    shareOfArea: "Share of area",
    facilities: "Facilities",
    layer: "Layer",
    inside: "inside",
    near: "within {{m}} m",
    summary:
      "{{name}} covers {{area}}, {{top}}, and reaches between {{low}} and {{high}} residents (census {{year}}; two methods).",
    summaryNoDistrict:
      "{{name}} covers {{area}} and reaches between {{low}} and {{high}} residents (census {{year}}; two methods).",
    topDistrict: "{{share}} of {{district}}",
    source:
      "As of {{time}} · Sources: City of Dortmund, census 2022 and 2011 (1 km grid), facilities as listed in “About the data”.",
  },
  overlaps: {
    heading: "Overlaps in the variant",
    none: "No overlaps.",
    pair: "Areas",
    area: "Overlap",
    shareA: "Share of A",
    shareB: "Share of B",
    totals: "Total (no double counting): {{area}}, about {{residents}} residents",
    show: "Show the overlap on the map",
    note: "Red hatching on the map; click a pair to highlight it.",
    showAll: "Show all {{n}} overlaps",
    showFirst: "Show only the first {{n}}",
  },
  variantSummary: {
    heading: "Variant “{{name}}” at a glance",
    totals: "Totals without double counting",
    areaCount: "Pilot areas",
    unionArea: "Area (union)",
    sumOfAreas: "Sum of the single areas",
    totalsNote: "Overlapping area, residents and facilities count once.",
    fields: "Pilot areas per alliance field",
    areas: "Areas",
    uncovered: "Districts without a pilot area",
    uncoveredCount: "{{level}}: {{n}} of {{total}} without a pilot area",
    allCovered: "Every district of this level is touched.",
  },
};
