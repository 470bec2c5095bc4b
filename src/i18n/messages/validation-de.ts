/**
 * German texts of the validators' problem codes (`src/domain/validation/validation-problem.ts`): what
 * is wrong with a plan, a backup or a stored setting. Shown after "… ist beschädigt:".
 */
export const validationDe = {
  codes: {
    missing: "ein Pflichtteil fehlt",
    "expected-object": "ein Eintrag hat nicht die erwartete Form",
    "expected-list": "eine Liste fehlt oder ist keine Liste",
    "expected-text": "ein Text fehlt oder ist kein Text",
    "expected-number": "eine Zahl fehlt oder ist keine Zahl (zum Beispiel Text statt einer Zahl)",
    "not-finite": "eine Zahl ist unendlich",
    "expected-integer": "eine ganze Zahl wird erwartet",
    "unknown-value": "ein Wert ist nicht zulässig",
    "invalid-id": "eine Kennung ist leer oder zu lang",
    "invalid-timestamp": "ein Zeitpunkt ist kein gültiges Datum",
    "invalid-colour": "eine Farbe ist nicht im Format #rrggbb",
    "too-long": "ein Text oder eine Liste ist zu lang",
    "geometry-type": "eine Geometrie ist weder Polygon noch MultiPolygon",
    "position-length": "ein Punkt hat nicht zwei oder drei Koordinaten",
    "position-out-of-range": "ein Punkt liegt außerhalb der Erde (Länge über ±180° oder Breite über ±90°)",
    "ring-too-short": "ein Ring hat weniger als vier Punkte",
    "ring-not-closed": "ein Ring endet nicht an seinem Anfangspunkt",
    "polygon-without-rings": "ein Polygon hat keinen Ring",
    "multipolygon-empty": "ein MultiPolygon enthält kein Polygon",
    "too-many-vertices": "ein Gebiet hat mehr als {{max}} Stützpunkte",
    "no-variant": "der Plan hat keine Variante",
    "order-mismatch": "Reihenfolge und Einträge passen nicht zusammen",
    "listed-twice": "ein Eintrag ist doppelt aufgeführt",
    "id-mismatch": "ein Eintrag steht unter einer fremden Kennung",
    "schema-version": "die Formatversion fehlt",
    "newer-version":
      "er stammt aus einer neueren Pilotkarte-Version (Format {{found}}, diese Version liest bis {{supported}})",
    "no-migration": "diese Formatversion kann nicht umgewandelt werden",
    malformed: "ein Eintrag hat nicht die erwartete Form",
  },
  at: "Stelle: {{path}}",
};
