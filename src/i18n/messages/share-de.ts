/**
 * German messages of the share link (dialog and shared view) and the one-pagers ("Steckbrief"),
 * wired in as the `share` namespace. Keys are shared with share-en.ts.
 */
export const shareDe = {
  open: "Teilen",
  openHint: "Die aktive Variante als Link und QR-Code teilen",
  dialog: {
    heading: "Variante „{{name}}“ teilen",
    intro:
      "Der Link enthält die ganze Variante (Namen, Handlungsfelder, Partner, Status, Notizen, Formen). Er geht an keinen Server: Wer ihn öffnet, sieht die Gebiete schreibgeschützt und kann sie in die eigenen Pläne übernehmen.",
    linkLabel: "Link zur Variante",
    copy: "Link kopieren",
    copied: "Der Link ist in der Zwischenablage.",
    copyFailed:
      "Der Browser erlaubt das Kopieren nicht. Bitte den markierten Link mit Strg+C (Mac: Cmd+C) kopieren.",
    length: "Länge: {{chars}} Zeichen (höchstens {{max}})",
    qrAlt: "QR-Code mit dem Link zur Variante „{{name}}“",
    qrTooLong:
      "Kein QR-Code: Der Link ist mit {{chars}} Zeichen zu lang für einen QR-Code (höchstens {{max}}). Den Link bitte per Mail oder Chat senden.",
    qrFailed: "Der QR-Code konnte nicht erzeugt werden.",
    skipped_one:
      "{{count}} Gebiet wurde weggelassen: Es ist kleiner als die Genauigkeit des Links (etwa 5 cm).",
    skipped_other:
      "{{count}} Gebiete wurden weggelassen: Sie sind kleiner als die Genauigkeit des Links (etwa 5 cm).",
    empty: "Die Variante hat noch keine Pilotgebiete. Der Link zeigt eine leere Variante.",
    tooLarge:
      "Diese Variante ist für einen Link zu groß: Der Link hätte {{chars}} Zeichen, sicher übertragen lassen sich höchstens {{max}}. Bitte die Variante als Datei weitergeben.",
    exportOffer: "Stattdessen als Datei exportieren",
    exportHint:
      "Öffnet den Export (zum Beispiel GeoJSON oder GeoPackage); die Empfängerin liest die Datei mit „Importieren“ ein.",
    stand: "Stand: {{time}}",
    onepagerHint:
      "Für Ausdrucke und Protokolle: die Variante auf einer A4-Seite mit Karte, Kennzahlen und Quellen.",
  },
  live: {
    heading: "Gemeinsam bearbeiten",
    intro:
      "Der Plan kommt in einen Raum auf dem Pilotkarte-Server. Wer einen der Links öffnet, sieht jede Änderung sofort; der Plan bleibt auch in diesem Browser gespeichert.",
    start: "Gemeinsam bearbeiten",
    checking: "Prüfe, ob ein Pilotkarte-Server erreichbar ist …",
    creating: "Raum wird angelegt …",
    noServer:
      "Live teilen braucht den Pilotkarte-Server (npm start). Diese Seite wird ohne Server ausgeliefert; teilen Sie die Variante stattdessen als Link oder Datei.",
    forbidden: "Der Server erlaubt das Anlegen von Räumen hier nicht: {{detail}}",
    failed: "Der Raum konnte nicht angelegt werden: {{detail}}",
    linksHeading: "Einladungslinks",
    role_edit: "bearbeiten",
    role_propose: "vorschlagen",
    role_view: "ansehen",
    roleHint_edit: "Ändern wie Sie (Kolleginnen und Kollegen)",
    roleHint_propose: "Gebiete vorschlagen (Teilnehmende)",
    roleHint_view: "Nur ansehen",
    copy: "Kopieren",
    copied: "Kopiert.",
    copyFailed: "Kopieren nicht erlaubt: bitte mit Strg+C kopieren.",
    qrAlt: "QR-Code des Links „{{role}}“",
    expires: "Die Links gelten bis {{time}}.",
    status_synced: "synchronisiert",
    status_connected: "verbunden",
    status_connecting: "verbindet …",
    status_offline: "offline – wird nachgereicht ({{count}} Änderungen)",
    viewBanner:
      "Gemeinsamer Plan, nur ansehen: Sie sehen die Änderungen der anderen live, können aber nichts ändern.",
    editBanner: "Gemeinsamer Plan: Ihre Änderungen sehen alle im Raum sofort.",
    refused: "Der Einladungslink ist ungültig, abgelaufen oder zurückgezogen.",
    emptyRoom: "In diesem Raum liegt noch kein Plan.",
  },
  view: {
    heading: "Geteilte Variante",
    plan: "Plan",
    variant: "Variante",
    stand: "Stand: {{time}}",
    readOnly: "Nur ansehen: Änderungen sind hier nicht möglich. Ihre eigenen Pläne bleiben unberührt.",
    adopt: "In meine Pläne übernehmen",
    adoptHint: "Legt die Variante als neue Variante im aktuell geöffneten Plan an (rückgängig mit Strg+Z).",
    adoptLabel: "Geteilte Variante übernehmen",
    adoptedName: "{{name}} (geteilt)",
    adoptedNameN: "{{name}} (geteilt {{n}})",
    adopted: "Die Variante „{{name}}“ wurde in den Plan „{{plan}}“ übernommen.",
    adoptFailed: "Die Variante konnte nicht übernommen werden.",
    adoptReadOnly:
      "Ihr Plan „{{plan}}“ ist in einem anderen Tab zur Bearbeitung geöffnet, hier kann er nicht geändert werden. Öffnen Sie den Link in jenem Tab oder legen Sie die Variante hier als neuen Plan an.",
    adoptAsPlan: "Als neuen Plan anlegen",
    adoptAsPlanHint: "Legt einen neuen Plan „{{plan}}“ mit dieser Variante an und öffnet ihn.",
    adoptedPlan: "Der Plan „{{plan}}“ mit der Variante „{{name}}“ wurde angelegt.",
    toWorkspace: "Zur Arbeitsfläche",
    areas: "Pilotgebiete",
    areaCount_one: "{{count}} Pilotgebiet",
    areaCount_other: "{{count}} Pilotgebiete",
    noAreas: "Die Variante enthält keine Pilotgebiete.",
    repaired_one:
      "{{count}} Gebietsform wurde nach dem Runden auf die Genauigkeit des Links repariert; ihre Fläche kann minimal abweichen.",
    repaired_other:
      "{{count}} Gebietsformen wurden nach dem Runden auf die Genauigkeit des Links repariert; ihre Flächen können minimal abweichen.",
    computing: "Die Kennzahlen werden berechnet …",
    figuresFailed: "Die Kennzahlen konnten nicht berechnet werden.",
    figuresNote:
      "Die Kennzahlen werden hier mit den Daten dieser App neu berechnet (Stand der Berechnung: {{time}}).",
    none: "–",
    map: "Karte der geteilten Pilotgebiete",
    sources: "Quellen und Lizenzen",
    problemHeading: "Dieser Link kann nicht geöffnet werden",
    problems: {
      "not-a-share-link":
        "Das ist kein Pilotkarte-Link zum Teilen. Bitte den vollständigen Link aus der Nachricht öffnen.",
      corrupt:
        "Der Link ist beschädigt: Einzelne Zeichen wurden unterwegs verändert (zum Beispiel von einem Mailprogramm). Bitten Sie um einen neuen Link oder eine Datei.",
      truncated:
        "Der Link ist unvollständig: Er wurde unterwegs abgeschnitten. Bitte den ganzen Link kopieren (er endet nicht mitten im Text) oder um eine Datei bitten.",
      "newer-version":
        "Der Link stammt aus einer neueren Version von Pilotkarte (Format {{detail}}). Bitte die App aktualisieren (neu laden) und den Link erneut öffnen.",
      "invalid-content":
        "Der Link ist unversehrt, enthält aber keine gültige Variante ({{detail}}). Bitten Sie um einen neuen Link.",
      "too-long":
        "Der Link ist zu lang ({{detail}} Zeichen): So lange Links erzeugt Pilotkarte nicht, er wird nicht gelesen. Bitten Sie um eine Datei statt eines Links.",
      "too-complex":
        "Gebiet {{area}} im Link hat {{vertices}} Stützpunkte und ist fehlerhaft; repariert werden hier höchstens {{maxVertices}} Stützpunkte. Der Link wird nicht gezeigt – bitten Sie um eine Datei statt eines Links.",
      "too-slow":
        "Der Link konnte nicht in angemessener Zeit gelesen werden (nach {{detail}} s abgebrochen): Seine Gebiete sind zu aufwendig zu reparieren. Bitten Sie um eine Datei statt eines Links.",
    },
    reading: "Der Link wird gelesen …",
    problemSafe: "Ihre eigenen Pläne wurden nicht verändert.",
  },
  onepager: {
    open: "Steckbrief",
    openArea: "Steckbrief dieses Gebiets (druckbar)",
    openVariant: "Steckbrief der Variante (druckbar)",
    titleArea: "Steckbrief Pilotgebiet „{{name}}“",
    titleVariant: "Steckbrief Variante „{{name}}“",
    subtitle: "Plan „{{plan}}“ · Variante „{{variant}}“ · Stand: {{time}} · erstellt mit Pilotkarte Dortmund",
    print: "Drucken / als PDF speichern",
    close: "Schließen",
    dialogLabel: "Druckansicht",
    mapCaption:
      "Lage in Dortmund (Stadtbezirke und Statistische Bezirke; das Gebiet farbig, andere Gebiete der Variante gestrichelt)",
    mapCaptionVariant: "Pilotgebiete der Variante in Dortmund (Stadtbezirke)",
    mapAlt: "Karte: {{name}} in Dortmund",
    facts: "Angaben",
    fields: "Handlungsfelder",
    partners: "Partner",
    status: "Status",
    notes: "Notizen",
    none: "–",
    figures: "Kennzahlen",
    area: "Fläche",
    perimeter: "Umfang",
    cityShare: "Anteil an der Stadtfläche",
    residents: "Einwohner erreicht",
    residentsMethods: "Methoden",
    facilities: "Einrichtungen im Gebiet",
    noFacilities: "Keine Einrichtungen der Datenebenen im Gebiet.",
    districts: "Berührte Bezirke ({{level}})",
    overlaps: "Überlappungen mit anderen Gebieten der Variante",
    noOverlaps: "Keine Überlappungen.",
    overlapWith: "mit „{{name}}“",
    areasTable: "Pilotgebiete",
    totals: "Summen ohne Doppelzählung",
    sources: "Quellen und Lizenzen",
    sourceLine: "{{title}}: {{credit}} · {{licence}} · {{date}}",
    computing: "Die Kennzahlen werden berechnet …",
    failed: "Die Kennzahlen konnten nicht berechnet werden.",
    areaFailed: "Für dieses Gebiet konnten keine Kennzahlen berechnet werden.",
  },
};
