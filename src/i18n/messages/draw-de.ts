/**
 * German messages of drawing: the tool bar, live measures, the drawing tools, building from districts and the keyboard shortcuts.
 * Keys are shared with draw-en.ts.
 */
export const drawDe = {
  tools: {
    heading: "Werkzeuge",
    select: "Auswählen und bearbeiten",
    polygon: "Polygon zeichnen",
    rectangle: "Rechteck zeichnen",
    circle: "Kreis zeichnen",
    freehand: "Freihand zeichnen",
    districts: "Aus Gebieten bilden",
    snapping: "Einrasten an Grenzen",
    snappingShort: "Einrasten",
    undo: "Rückgängig",
    redo: "Wiederholen",
    undoWhat: "Rückgängig: {{what}}",
    redoWhat: "Wiederholen: {{what}}",
    undoSkipped:
      "„{{what}}“ nicht rückgängig gemacht: Jemand anderes hat inzwischen dasselbe geändert. Der Schritt ist übersprungen.",
    redoSkipped:
      "„{{what}}“ nicht wiederholt: Jemand anderes hat inzwischen dasselbe geändert. Der Schritt ist übersprungen.",
    shortcuts: "Tastenkürzel",
    hintPolygon:
      "Klicken setzt Punkte; Klick auf den ersten Punkt schließt. Rücktaste entfernt den letzten Punkt, Esc bricht ab.",
    hintRectangle: "Klicken, Maus bewegen, erneut klicken.",
    hintCircle: "Mittelpunkt klicken, Maus bewegen, erneut klicken.",
    hintFreehand: "Klicken und Maus bewegen; Klick beendet.",
    hintDistricts: "Gebiet anklicken; mit Umschalt+Klick weitere hinzufügen oder entfernen.",
    pickLevel: "Ebene",
    pickPreview: "Klick wählt {{name}} ({{area}})",
    pickPreviewAdd: "Umschalt+Klick fügt {{name}} ({{area}}) hinzu",
    short: {
      select: "Auswählen",
      polygon: "Polygon",
      rectangle: "Rechteck",
      circle: "Kreis",
      freehand: "Freihand",
      districts: "Aus Gebieten",
    },
    hintHandlesHidden:
      "Viele Punkte: zum Verschieben einzelner Punkte näher heranzoomen; die ganze Fläche lässt sich ziehen.",
    hintSelect:
      "Gebiet anklicken zum Bearbeiten: Punkte ziehen, Mittelpunkte ziehen fügt Punkte ein, Rechtsklick auf einen Punkt löscht ihn.",
  },
  measure: {
    area: "Fläche",
    perimeter: "Umfang",
    radius: "Radius",
    geodesic: "geodätisch (WGS84)",
  },
  draw: {
    newArea: "Gebiet",
    drawLabel: "Gebiet zeichnen",
    editLabel: "Gebiet verändern",
    refused: {
      empty: "Die Fläche ist leer und wurde nicht übernommen.",
      "too-small":
        "Die Fläche ist mit {{area}} m² kleiner als das Minimum von {{min}} m² und wurde nicht übernommen.",
      "invalid-geometry": "Die Form ist ungültig und konnte nicht repariert werden; nicht übernommen.",
    },
    repaired: {
      "self-intersection-split":
        "Die Umrandung hat sich selbst geschnitten; sie wurde an den Kreuzungen in gültige Teilflächen zerlegt.",
      "duplicate-points-removed": "Doppelte Punkte wurden entfernt.",
      "ring-closed": "Die Umrandung war nicht geschlossen und wurde geschlossen.",
      "slivers-removed": "Winzige Splitterflächen wurden entfernt.",
      empty: "Leere Teile wurden entfernt.",
      "invalid-positions-removed": "Ungültige Punkte (ohne zwei Koordinaten) wurden entfernt.",
      "winding-fixed": "Die Umlaufrichtung der Umrandung wurde vereinheitlicht (die Form bleibt gleich).",
      "overlaps-merged": "Überlappende Teile wurden zusammengeführt.",
      "touching-rings-separated":
        "Teile, die sich in einem Punkt berührten, wurden um etwa einen Millimeter getrennt.",
    },
    outsideCity: "Hinweis: {{share}} % der Fläche liegen außerhalb der Stadtgrenze.",
    notEditable: "Dieses Gebiet kann nicht per Punkt bearbeitet werden.",
    multipartHint:
      "Mehrteilige Gebiete und Gebiete mit Löchern werden über „Aus Gebieten bilden“, Zuschneiden und Abziehen verändert, nicht per Punkt.",
    minArea: "Mindestgröße: {{min}} m²",
  },
  districtsPick: {
    heading: "Aus Gebieten bilden",
    none: "Noch kein Gebiet gewählt. Gebiete auf der Karte anklicken (Umschalt+Klick für mehrere).",
    total: "Zusammen: {{area}}",
    create: "Pilotgebiet erstellen",
    addTo: "Zu „{{name}}“ hinzufügen",
    removeFrom: "Aus „{{name}}“ entfernen",
    clear: "Auswahl leeren",
    created: "Pilotgebiet aus {{n}} Gebieten erstellt.",
    notReady: "Die Gebietsgrenzen werden noch geladen.",
    label: "Aus Gebieten bilden",
    addLabel: "Gebiete hinzufügen",
    removeLabel: "Gebiete entfernen",
  },
  shortcuts: {
    heading: "Tastenkürzel",
    keys: {
      select: "V",
      polygon: "P",
      rectangle: "R",
      circle: "C",
      freehand: "F",
      districts: "B",
      snapping: "N",
      undo: "Strg+Z",
      redo: "Strg+Umschalt+Z / Strg+Y",
      removeLast: "Rücktaste (beim Zeichnen)",
      cancel: "Esc",
      delete: "Entf",
      duplicate: "Strg+D",
      help: "?",
    },
    actions: {
      removeLast: "Letzten Punkt entfernen",
      cancel: "Zeichnen abbrechen / Auswahl aufheben",
      delete: "Ausgewähltes Gebiet löschen",
      duplicate: "Ausgewähltes Gebiet duplizieren",
      help: "Diese Übersicht",
    },
  },
};
