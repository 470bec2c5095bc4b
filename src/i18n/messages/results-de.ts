/**
 * German messages of the results beside the map: the selected area's coverage, overlaps and the variant's totals.
 * Keys are shared with results-en.ts.
 */
export const resultsDe = {
  results: {
    heading: "Ergebnisse",
    hide: "Ergebnisse ausblenden",
    show: "Ergebnisse einblenden",
    resize: "Breite der Ergebnisse (Pfeiltasten ändern sie)",
    empty:
      "Ein Pilotgebiet auf der Karte oder in der Liste anklicken: hier erscheinen seine Fläche, Einwohner, Bezirke und Einrichtungen.",
  },
  coverage: {
    heading: "Abdeckung",
    loading: "Die Analyse lädt die Daten …",
    failed: "Die Analyse konnte nicht gestartet werden.",
    computing: "wird berechnet …",
    area: "Fläche",
    cityShare: "Anteil an der Stadtfläche",
    residents: "Einwohner erreicht",
    residentsRange: "{{low}} – {{high}}",
    // Soft hyphens (\u00ad): narrow table columns break these long words where German would.
    intersection: "Schnitt\u00adfläche",
    live: "live",
    timeout:
      "Für diese Form konnte die Analyse nicht in angemessener Zeit berechnet werden (die Berechnung wurde abgebrochen). Bitte die Form vereinfachen oder prüfen; die Geometrie selbst ist gespeichert.",
    restarting: "Die Analyse wird neu gestartet …",
    restarted: "Eine Analyse hing und wurde abgebrochen; die Analyse wurde neu gestartet.",
    sinceSnapshot: "Seit Stand {{time}}",
    newSinceSnapshot: "neu",
    unchanged: "unverändert",
    residentsDelta: "{{n}} Einw.",
    facilitiesDelta: "{{n}} Einr.",
    before: "Stand",
    now: "jetzt",
    explain: {
      source: "Quelle: {{title}} – {{credit}}, Stand {{date}}, Lizenz {{licence}}.",
      sourceShort: "Quelle: {{credit}}, Stand {{date}}.",
      area: "Geodätisch auf dem WGS84-Ellipsoid berechnet (GeographicLib), Löcher abgezogen. Umfang: {{perimeter}} km.",
      city: "{{inside}} des Pilotgebiets liegen in der Stadt ({{shareInside}} des Gebiets). Stadtfläche als Bezug: {{city}}.",
      method: {
        "area-weighted-grid":
          "jede Rasterzelle (1 km²) trägt ihre Einwohner ({{year}}) mal dem Anteil ihrer Fläche im Gebiet bei.",
        "dasymetric-addresses":
          "die Einwohner jeder Rasterzelle ({{year}}) werden gleichmäßig auf ihre Adresspunkte ({{weightsYear}}) verteilt; gezählt werden die {{addresses}} Adresspunkte im Gebiet.",
      },
      unplaced:
        "{{n}} Einwohner (flächengewichtet) liegen in Rasterzellen ohne Adresspunkte und werden von der Adressmethode nicht erfasst.",
      cellsCaption: "Rasterzellen mit dem größten Beitrag ({{shown}} von {{total}})",
      cell: "Zelle",
      cellResidents: "Einwohner {{year}}",
      cellShare: "Anteil im Gebiet",
      cellContribution: "Beitrag",
      cellAddresses: "Adressen",
      secret: "geheim (0)",
      districts:
        "Schnittfläche geodätisch; „Gebiet abgedeckt“ = Schnittfläche ÷ Fläche des Bezirks, „Anteil Pilotfläche“ = Schnittfläche ÷ Fläche des Pilotgebiets.",
      facilities:
        "Gezählt werden Punkte im Gebiet und bis {{m}} m Luftlinie vom Rand (geodätisch; Punkte im Gebiet zählen mit). Ebene anklicken für die Namen.",
      unnamed: "(ohne Namen)",
      more: "… und {{n}} weitere",
      sinceSnapshot:
        "Vergleich mit demselben Pilotgebiet im letzten Sicherungsstand ({{time}}); Einwohner als Mitte der Spanne, Einrichtungen aller Ebenen innerhalb.",
    },
    change: "Veränderung {{from}}→{{to}}",
    changeValue: "{{range}} ({{percent}})",
    changeExplain:
      "Dieselbe Fläche auf beiden Zensus-Rastern (1 km, dieselben Zellen), je Methode. Die Spanne oben reicht von der kleinsten zur größten Veränderung der beiden Methoden; der Prozentwert bezieht sich auf die flächengewichtete Zahl.",
    changeMethod: "{{method}}: {{from}} ({{fromYear}}) → {{to}} ({{toYear}}), {{change}}",
    ageGroups: "Altersgruppen (Zensus {{year}})",
    ageGroup: {
      under15: "unter 15 Jahre",
      age65plus: "65 Jahre und älter",
    },
    ageValue: "{{range}} · {{share}}",
    shareRange: "{{low}} – {{high}}",
    ageExplain:
      "Wie die Einwohner mit beiden Methoden geschätzt, aus den Zellwerten der Altersgruppe; der Anteil ist Altersgruppe ÷ Einwohner derselben Methode.",
    ageCaveat:
      "Vorbehalt der Quelle: Die Zensuswerte sind zur Geheimhaltung leicht verändert, und eine 0 in einer Altersgruppe kann auch „nicht verfügbar“ bedeuten (so in {{zeros}} der {{cells}} Zellen hier). Die Gruppen ergeben zusammen höchstens die Einwohnerzahl.",
    ageMethod: "{{method}}: {{value}} ({{share}} der Einwohner)",
    cellGroup: "davon {{group}}",
    methods: {
      "area-weighted-grid": "flächengewichtet aus dem Zensus-{{year}}-Raster (1 km)",
      "dasymetric-addresses": "über Adresspunkte verteilt (Zensus {{year}}, Adressen {{weightsYear}})",
    },
    districts: "Gebiete",
    district: "Gebiet",
    shareOfDistrict: "Gebiet abgedeckt",
    shareOfArea: "Anteil Pilot\u00adfläche",
    facilities: "Einrichtungen",
    layer: "Ebene",
    inside: "innerhalb",
    near: "bis {{m}} m",
    summary:
      "{{name}} ist {{area}} groß, deckt {{top}} ab und erreicht zwischen {{low}} und {{high}} Einwohner (Zensus {{year}}; zwei Methoden).",
    summaryNoDistrict:
      "{{name}} ist {{area}} groß und erreicht zwischen {{low}} und {{high}} Einwohner (Zensus {{year}}; zwei Methoden).",
    topDistrict: "{{share}} von {{district}}",
    source:
      "Stand {{time}} · Quellen: Stadt Dortmund, Zensus 2022 und 2011 (1-km-Raster), Einrichtungen laut „Über die Daten“.",
  },
  overlaps: {
    heading: "Überlappungen in der Variante",
    none: "Keine Überlappungen.",
    pair: "Gebiete",
    area: "Über\u00adlappung",
    shareA: "Anteil an A",
    shareB: "Anteil an B",
    totals: "Gesamt (ohne Doppelzählung): {{area}}, rund {{residents}} Einwohner",
    show: "Überlappung auf der Karte zeigen",
    note: "Rot schraffiert auf der Karte; Paar anklicken, um es hervorzuheben.",
    showAll: "Alle {{n}} Überlappungen zeigen",
    showFirst: "Nur die ersten {{n}} zeigen",
  },
  variantSummary: {
    heading: "Variante „{{name}}“ im Überblick",
    totals: "Summen ohne Doppelzählung",
    areaCount: "Pilotgebiete",
    unionArea: "Fläche (Vereinigung)",
    sumOfAreas: "Summe der Einzelflächen",
    totalsNote: "Überlappende Flächen, Einwohner und Einrichtungen zählen einmal.",
    fields: "Pilotgebiete je Handlungsfeld",
    areas: "Gebiete",
    uncovered: "Bezirke ohne Pilotgebiet",
    uncoveredCount: "{{level}}: {{n}} von {{total}} ohne Pilotgebiet",
    allCovered: "Alle Bezirke dieser Ebene werden berührt.",
  },
};
