/**
 * German messages of plans and saving: the plans dialog with trash and backup, the history of snapshots, the storage status.
 * Keys are shared with storage-en.ts.
 */
export const storageDe = {
  plans: {
    heading: "Pläne",
    open: "Pläne",
    current: "Geöffneter Plan",
    newPlan: "Neuer Plan",
    newPlanName: "Neuer Plan",
    firstVariantName: "Variante 1",
    openPlan: "Öffnen",
    rename: "Umbenennen",
    renamePrompt: "Neuer Name für „{{name}}“",
    duplicate: "Duplizieren",
    trash: "In den Papierkorb",
    trashHeading: "Papierkorb",
    trashHint: "Pläne im Papierkorb werden nach {{days}} Tagen endgültig gelöscht.",
    restore: "Wiederherstellen",
    deleteForever: "Endgültig löschen",
    deleteForeverConfirm: "„{{name}}“ endgültig löschen? Das kann nicht rückgängig gemacht werden.",
    trashConfirm: "„{{name}}“ in den Papierkorb verschieben?",
    updated: "geändert {{date}}",
    deletedOn: "gelöscht {{date}}",
    variants_one: "{{count}} Variante",
    variants_other: "{{count}} Varianten",
    emptyTrash: "Der Papierkorb ist leer.",
    backupHeading: "Sicherung",
    backupHint: "Alle Pläne mit Verlauf als eine Datei sichern oder aus einer Sicherung wiederherstellen.",
    backupDownload: "Sicherung herunterladen",
    backupImport: "Sicherung einlesen …",
    backupPreview: "Die Sicherung vom {{date}} enthält {{n}} Pläne.",
    backupExists: "„{{name}}“ gibt es schon.",
    choiceSkip: "behalten (nicht einlesen)",
    choiceCopy: "als Kopie einlesen",
    choiceReplace: "ersetzen",
    backupApply: "Einlesen",
    backupCancel: "Abbrechen",
    backupDone:
      "Eingelesen: {{imported}} neu, {{copied}} als Kopie, {{replaced}} ersetzt, {{skipped}} übersprungen.",
    backupErrors: {
      "too-large": "Die Datei ist zu groß ({{size}} MB; höchstens {{max}} MB).",
      "not-json": "Die Datei ist keine Pilotkarte-Sicherung (kein JSON).",
      "not-a-backup": "Die Datei ist keine Pilotkarte-Sicherung.",
      "newer-version":
        "Die Sicherung stammt aus einer neueren Pilotkarte-Version. Bitte zuerst Pilotkarte aktualisieren (neu laden). Es wurde nichts eingelesen.",
      malformed: "Die Sicherung ist beschädigt: {{problem}}. Es wurde nichts eingelesen.",
      "invalid-plan":
        "Plan Nr. {{index}} {{name}}in der Sicherung ist beschädigt: {{problem}}. Es wurde nichts eingelesen.",
    },
    backupTrashed:
      "lag in der Sicherung im Papierkorb: kommt hier in den Papierkorb und bleibt dort {{days}} Tage ab heute",
    backupTrashedReplace:
      "lag in der Sicherung im Papierkorb; ersetzt er einen Plan der Planliste, bleibt er in der Planliste",
    backupDamaged_one: "{{count}} beschädigter Plan in der Sicherung wird nicht eingelesen: {{names}}.",
    backupDamaged_other: "{{count}} beschädigte Pläne in der Sicherung werden nicht eingelesen: {{names}}.",
    quoted: "„{{name}}“",
    damagedHeading: "Beschädigte Pläne",
    damagedHint:
      "Diese Pläne sind gespeichert, lassen sich aber nicht öffnen. Sie bleiben erhalten, bis Sie sie in den Papierkorb legen und dort löschen. Die Rohdaten können Sie herunterladen, um sie aufzubewahren oder reparieren zu lassen.",
    damagedProblem: "Beschädigt: {{problem}}.",
    damagedExport: "Rohdaten herunterladen",
    openFailed:
      "„{{name}}“ lässt sich nicht öffnen: Der gespeicherte Plan ist beschädigt. Er steht unter „Beschädigte Pläne“.",
    trashRefused: {
      "edited-elsewhere":
        "„{{name}}“ wird gerade in einem anderen Tab bearbeitet und kann hier nicht in den Papierkorb gelegt werden. Bitte dort in den Papierkorb legen oder den anderen Tab schließen.",
      unavailable:
        "Der Browser-Speicher ist nicht verfügbar; „{{name}}“ kann nicht in den Papierkorb gelegt werden.",
    },
    storageUsage: "Speicher: {{used}} von {{quota}} belegt",
    persisted: "Der Browser hält die Daten dauerhaft.",
    notPersisted:
      "Der Browser darf die Daten bei Speichermangel löschen – regelmäßig eine Sicherung herunterladen.",
  },
  history: {
    heading: "Verlauf",
    open: "Verlauf",
    namedPlaceholder: "z. B. Stand Workshop 14.03.",
    saveNamed: "Stand speichern",
    empty:
      "Noch keine gespeicherten Stände. Automatische Stände entstehen alle {{minutes}} Minuten, wenn sich etwas geändert hat.",
    kinds: { auto: "automatisch", named: "benannt", "before-risky": "vor riskanter Aktion" },
    risky: {
      trash: "Papierkorb",
      import: "Sicherung einlesen",
      restore: "Wiederherstellen",
      "bulk-delete": "Mehrere löschen",
    },
    areas_one: "{{count}} Gebiet",
    areas_other: "{{count}} Gebiete",
    preview: "Vorschau",
    restore: "Diesen Stand wiederherstellen",
    restoreLabel: "Stand wiederherstellen",
    restored: "Stand wiederhergestellt. Rückgängig mit Strg+Z.",
    unreadable:
      "Dieser Stand kann nicht gelesen werden (er ist beschädigt). Er bleibt gespeichert; der Plan selbst ist davon nicht betroffen.",
    previewHeading: "Stand vom {{date}}",
    previewVariant: "{{name}}: {{areas}}",
  },
  storage: {
    saved: "gespeichert",
    saving: "speichert …",
    error: "Speichern fehlgeschlagen",
    memoryOnly: "nur im Arbeitsspeicher",
    readOnly: "nur Ansicht",
    savedAt: "Gespeichert um {{time}}",
    faults: {
      quota:
        "Der Speicher des Browsers ist voll. Änderungen bleiben in diesem Tab erhalten, werden aber nicht gespeichert. Bitte eine Sicherung herunterladen und Platz schaffen.",
      unavailable:
        "Der Browser-Speicher (IndexedDB) ist nicht verfügbar, z. B. im privaten Modus. Sie arbeiten nur im Arbeitsspeicher – bitte vor dem Schließen eine Sicherung herunterladen.",
      blocked:
        "Der Browser-Speicher ist blockiert. Änderungen bleiben in diesem Tab; bitte eine Sicherung herunterladen.",
      corrupt: "Gespeicherte Daten konnten nicht gelesen werden. Bitte eine Sicherung herunterladen.",
      unknown:
        "Beim Speichern ist ein Fehler aufgetreten. Es wird erneut versucht; zur Sicherheit eine Sicherung herunterladen.",
      "upgrade-elsewhere": "Pilotkarte wurde in einem anderen Tab aktualisiert. Bitte diese Seite neu laden.",
    },
    memoryOnlyCause: {
      unavailable: "Der Browser-Speicher (IndexedDB) ist nicht verfügbar, zum Beispiel im privaten Modus.",
      quota: "Der Browser-Speicher ist voll und konnte nicht geöffnet werden.",
      blocked: "Der Browser-Speicher konnte nicht geöffnet werden (blockiert).",
      corrupt: "Der Browser-Speicher konnte nicht gelesen werden.",
      unknown: "Der Browser-Speicher konnte nicht geöffnet werden.",
      "upgrade-elsewhere": "Der Browser-Speicher wurde in einem anderen Tab aktualisiert.",
    },
    memoryOnlyBanner:
      "Sie arbeiten nur im Arbeitsspeicher: In dieser Sitzung wird nichts gespeichert und auch kein weiterer Versuch unternommen. Bitte vor dem Schließen eine Sicherung herunterladen – beim Schließen fragt der Browser nach.",
    openBlocked:
      "Pilotkarte wartet auf einen anderen Tab: Dort ist Pilotkarte noch in einer älteren Version geöffnet, und der Speicher kann erst aktualisiert werden, wenn jener Tab geschlossen oder neu geladen ist. Bitte alle anderen Pilotkarte-Tabs schließen – diese Seite lädt dann von selbst weiter.",
    damagedNotice_one:
      "Der gespeicherte Plan {{names}} ist beschädigt und lässt sich nicht öffnen. Er bleibt gespeichert; unter „Pläne“ können Sie ihn herunterladen oder in den Papierkorb legen.",
    damagedNotice_other:
      "Die gespeicherten Pläne {{names}} sind beschädigt und lassen sich nicht öffnen. Sie bleiben gespeichert; unter „Pläne“ können Sie sie herunterladen oder in den Papierkorb legen.",
    showPlans: "Pläne zeigen",
    trashedElsewhere:
      "Dieser Plan wurde in einem anderen Tab in den Papierkorb gelegt. Änderungen hier werden weiter gespeichert, aber im Papierkorb.",
    restore: "Wiederherstellen",
    readOnlyAction:
      "Dieser Plan wird in einem anderen Tab bearbeitet; hier ist nur Ansicht möglich. Zum Ändern „Hier bearbeiten“ wählen.",
    readOnlyBanner:
      "Dieser Plan wird in einem anderen Tab bearbeitet. Hier nur Ansicht – Änderungen dort erscheinen hier sofort.",
    takeOver: "Hier bearbeiten",
    download: "Sicherung herunterladen",
    reload: "Neu laden",
  },
};
