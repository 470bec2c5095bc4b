/**
 * German messages of keyboard drawing, typed coordinates and the other accessibility aids, wired in as
 * the `a11y` namespace. Keys are shared with a11y-en.ts.
 */
export const a11yDe = {
  skipToResults: "Zu den Ergebnissen springen",
  mapName: "Karte von Dortmund",
  measureMethod: "Berechnung",
  keyboard: {
    heading: "Zeichnen",
    help:
      "Pfeiltasten verschieben die Karte unter dem Fadenkreuz in der Mitte (mit Umschalt- oder Alt-Taste in feinen Schritten), + und − zoomen. " +
      "Mit dem Polygon-Werkzeug (P) setzt die Eingabetaste einen Punkt am Fadenkreuz; Eingabe auf dem ersten Punkt oder zweimal an derselben Stelle schließt die Fläche, " +
      "die Rücktaste entfernt den letzten Punkt, Escape bricht ab. Ist ein Gebiet ausgewählt, startet die Eingabetaste die Punktbearbeitung.",
    points_one: "{{count}} Punkt gesetzt",
    points_other: "{{count}} Punkte gesetzt",
    noPoints:
      "Noch kein Punkt gesetzt: auf die Karte klicken – oder die Karte fokussieren, mit den Pfeiltasten zielen und mit Eingabe setzen – oder unten eine Koordinate eingeben.",
    polygonOnly:
      "Rechteck, Kreis und Freihand werden mit der Maus gezeichnet; mit Tastatur und Koordinaten zeichnet das Polygon-Werkzeug (P).",
    editing: "Punkt {{index}} von {{count}} von „{{name}}“",
    editHelp:
      "[ und ] (oder Bild auf/ab) wählen einen Punkt, Pfeiltasten verschieben ihn, Einfg fügt dahinter einen ein, Entf löscht ihn, Eingabe übernimmt (ein Rückgängig-Schritt), Escape bricht ab.",
    coordinate: "Koordinate eingeben",
    coordinateHint:
      "WGS84 in Grad (51,5136 7,4653 oder 51°30'49\"N 7°27'55\"O) oder ETRS89 / UTM 32N in Metern (EPSG:25832, z. B. 393000 5709000).",
    place: "Punkt setzen",
    moveVertex: "Punkt hierher verschieben",
    finish: "Fläche abschließen",
    commit: "Änderung übernehmen",
    cancel: "Abbrechen",
    focusMap: "Zur Karte (Pfeiltasten)",
    editVertices: "Punkte per Tastatur bearbeiten",
    position: "{{lat}} N, {{lon}} O",
    events: {
      crosshair: "Fadenkreuz bei {{position}}",
      vertexAdded: "Punkt {{index}} gesetzt: {{position}}",
      vertexRemoved: "Letzten Punkt entfernt, {{remaining}} übrig",
      tooFew: "Eine Fläche braucht mindestens 3 Punkte, bisher {{count}}.",
      cancelled: "Zeichnen abgebrochen.",
      created:
        "Fläche erstellt: „{{name}}“, {{area}}. Name und Angaben im Bereich „Gebiet bearbeiten“ der Seitenleiste.",
      toolNotSupported: "Mit der Tastatur wird mit dem Polygon-Werkzeug (P) gezeichnet.",
      editStarted: "Punktbearbeitung von „{{name}}“: {{count}} Punkte, Punkt 1 bei {{position}}",
      vertexSelected: "Punkt {{index}} von {{count}}: {{position}}",
      vertexMoved: "Punkt {{index}} verschoben: {{position}}",
      vertexInserted: "Punkt {{index}} eingefügt, jetzt {{count}} Punkte: {{position}}",
      vertexDeleted: "Punkt {{index}} gelöscht, {{count}} übrig.",
      cannotDelete: "Nicht gelöscht: Eine Fläche braucht mindestens 3 Punkte.",
      editCommitted: "Änderung an „{{name}}“ übernommen: {{area}}.",
      editCancelled: "Punktbearbeitung beendet.",
      notEditable:
        "Dieses Gebiet lässt sich nicht punktweise bearbeiten (nur einfache Flächen, nicht im Nur-Lesen-Modus).",
    },
  },
  shortcuts: {
    heading: "Mit der Tastatur zeichnen und bearbeiten (Karte fokussiert)",
    keys: {
      move: "Pfeiltasten",
      fine: "Umschalt/Alt + Pfeiltasten",
      place: "Eingabe",
      finish: "Eingabe auf dem ersten Punkt oder zweimal",
      removeLast: "Rücktaste",
      cancel: "Esc",
      edit: "Eingabe oder E",
      pick: "[ ] oder Bild↑ Bild↓",
      moveVertex: "Pfeiltasten",
      insert: "Einfg oder I",
      deleteVertex: "Entf",
      commit: "Eingabe",
    },
    actions: {
      move: "Karte unter dem Fadenkreuz verschieben (ein Zehntel der Ansicht)",
      fine: "in feinen Schritten (ein Hundertstel der Ansicht)",
      place: "Punkt am Fadenkreuz setzen (Polygon-Werkzeug)",
      finish: "Fläche abschließen",
      removeLast: "Letzten Punkt entfernen",
      cancel: "Zeichnen oder Punktbearbeitung abbrechen",
      edit: "Punkte des ausgewählten Gebiets bearbeiten",
      pick: "Vorigen oder nächsten Punkt wählen",
      moveVertex: "Gewählten Punkt verschieben",
      insert: "Punkt dahinter einfügen",
      deleteVertex: "Gewählten Punkt löschen",
      commit: "Änderung übernehmen (ein Rückgängig-Schritt)",
    },
  },
  coordinate: {
    problems: {
      empty: "Bitte eine Koordinate eingeben.",
      unreadable:
        "Nicht lesbar: bitte zwei Zahlen eingeben, z. B. 51,5136 7,4653 (Grad) oder 393000 5709000 (Meter, EPSG:25832).",
      "out-of-range":
        "Außerhalb des gültigen Bereichs: Breite bis ±90°, Länge bis ±180°, Minuten und Sekunden unter 60; Meter in UTM-Zone 32 (Rechtswert 100.000–900.000).",
      ambiguous:
        "Mehrdeutig: bitte Himmelsrichtungen angeben (51,5 N 7,4 O) oder die beiden Zahlen durch ein Leerzeichen trennen.",
    },
    outside: "Hinweis: Der Punkt liegt außerhalb von Dortmund.",
    outsideMap: "Der Punkt liegt außerhalb des Kartenbereichs und wurde nicht gesetzt.",
    placed: "Gelesen als {{position}} ({{crs}}).",
  },
} as const;
