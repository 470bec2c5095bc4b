/** English messages of plans and saving: the plans dialog with trash and backup, the history of snapshots, the storage status; same keys and placeholders as storage-de.ts. */
import type { storageDe } from "./storage-de.ts";
import type { Widen } from "./types.ts";

export const storageEn: Widen<typeof storageDe> = {
  plans: {
    heading: "Plans",
    open: "Plans",
    current: "Open plan",
    newPlan: "New plan",
    newPlanName: "New plan",
    firstVariantName: "Variant 1",
    openPlan: "Open",
    rename: "Rename",
    renamePrompt: "New name for “{{name}}”",
    duplicate: "Duplicate",
    trash: "Move to trash",
    trashHeading: "Trash",
    trashHint: "Plans in the trash are deleted for good after {{days}} days.",
    restore: "Restore",
    deleteForever: "Delete for good",
    deleteForeverConfirm: "Delete “{{name}}” for good? This cannot be undone.",
    trashConfirm: "Move “{{name}}” to the trash?",
    updated: "changed {{date}}",
    deletedOn: "deleted {{date}}",
    variants_one: "{{count}} variant",
    variants_other: "{{count}} variants",
    emptyTrash: "The trash is empty.",
    backupHeading: "Backup",
    backupHint: "Save all plans with their history as one file, or restore from a backup.",
    backupDownload: "Download backup",
    backupImport: "Read a backup …",
    backupPreview: "The backup of {{date}} holds {{n}} plans.",
    backupExists: "“{{name}}” already exists.",
    choiceSkip: "keep ours (do not import)",
    choiceCopy: "import as a copy",
    choiceReplace: "replace",
    backupApply: "Import",
    backupCancel: "Cancel",
    backupDone:
      "Imported: {{imported}} new, {{copied}} as copies, {{replaced}} replaced, {{skipped}} skipped.",
    backupErrors: {
      "too-large": "The file is too large ({{size}} MB; {{max}} MB at most).",
      "not-json": "The file is not a Pilotkarte backup (not JSON).",
      "not-a-backup": "The file is not a Pilotkarte backup.",
      "newer-version":
        "The backup comes from a newer Pilotkarte version. Please update Pilotkarte first (reload). Nothing was imported.",
      malformed: "The backup is damaged: {{problem}}. Nothing was imported.",
      "invalid-plan":
        "Plan no. {{index}} {{name}}in the backup is damaged: {{problem}}. Nothing was imported.",
    },
    backupTrashed:
      "was in the backup's trash: goes into the trash here and stays there {{days}} days from today",
    backupTrashedReplace:
      "was in the backup's trash; if it replaces a plan of the plan list, it stays in the plan list",
    backupDamaged_one: "{{count}} damaged plan in the backup is not imported: {{names}}.",
    backupDamaged_other: "{{count}} damaged plans in the backup are not imported: {{names}}.",
    quoted: "“{{name}}”",
    damagedHeading: "Damaged plans",
    damagedHint:
      "These plans are stored but cannot be opened. They are kept until you move them to the trash and delete them there. Download the raw data to keep it or have it repaired.",
    damagedProblem: "Damaged: {{problem}}.",
    damagedExport: "Download raw data",
    openFailed:
      "“{{name}}” cannot be opened: the stored plan is damaged. It is listed under “Damaged plans”.",
    trashRefused: {
      "edited-elsewhere":
        "“{{name}}” is being edited in another tab and cannot be moved to the trash here. Please move it to the trash there, or close the other tab.",
      unavailable: "The browser's storage is not available; “{{name}}” cannot be moved to the trash.",
    },
    storageUsage: "Storage: {{used}} of {{quota}} used",
    persisted: "The browser keeps the data permanently.",
    notPersisted: "The browser may delete the data when space runs low – download a backup regularly.",
  },
  history: {
    heading: "History",
    open: "History",
    namedPlaceholder: "e.g. state at workshop 14 March",
    saveNamed: "Save state",
    empty:
      "No saved states yet. Automatic states are taken every {{minutes}} minutes when something changed.",
    kinds: { auto: "automatic", named: "named", "before-risky": "before a risky action" },
    risky: { trash: "trash", import: "backup import", restore: "restore", "bulk-delete": "bulk delete" },
    areas_one: "{{count}} area",
    areas_other: "{{count}} areas",
    preview: "Preview",
    restore: "Restore this state",
    restoreLabel: "Restore state",
    restored: "State restored. Undo with Ctrl+Z.",
    unreadable:
      "This state cannot be read (it is damaged). It stays stored; the plan itself is not affected.",
    previewHeading: "State of {{date}}",
    previewVariant: "{{name}}: {{areas}}",
  },
  storage: {
    saved: "saved",
    saving: "saving …",
    error: "saving failed",
    memoryOnly: "in memory only",
    readOnly: "view only",
    savedAt: "Saved at {{time}}",
    faults: {
      quota:
        "The browser's storage is full. Changes stay in this tab but are not saved. Please download a backup and free some space.",
      unavailable:
        "The browser's storage (IndexedDB) is not available, e.g. in private mode. You are working in memory only – please download a backup before closing.",
      blocked: "The browser's storage is blocked. Changes stay in this tab; please download a backup.",
      corrupt: "Stored data could not be read. Please download a backup.",
      unknown: "An error occurred while saving. It will be retried; to be safe, download a backup.",
      "upgrade-elsewhere": "Pilotkarte was updated in another tab. Please reload this page.",
    },
    memoryOnlyCause: {
      unavailable: "The browser's storage (IndexedDB) is not available, e.g. in private mode.",
      quota: "The browser's storage is full and could not be opened.",
      blocked: "The browser's storage could not be opened (blocked).",
      corrupt: "The browser's storage could not be read.",
      unknown: "The browser's storage could not be opened.",
      "upgrade-elsewhere": "The browser's storage was upgraded in another tab.",
    },
    memoryOnlyBanner:
      "You are working in memory only: nothing is saved in this session, and no further attempt is made. Please download a backup before closing – the browser asks when you close the tab.",
    openBlocked:
      "Pilotkarte is waiting for another tab: Pilotkarte is still open there in an older version, and storage can only be upgraded once that tab is closed or reloaded. Please close all other Pilotkarte tabs – this page then goes on loading by itself.",
    damagedNotice_one:
      "The stored plan {{names}} is damaged and cannot be opened. It stays stored; under “Plans” you can download it or move it to the trash.",
    damagedNotice_other:
      "The stored plans {{names}} are damaged and cannot be opened. They stay stored; under “Plans” you can download them or move them to the trash.",
    showPlans: "Show plans",
    trashedElsewhere:
      "This plan was moved to the trash in another tab. Changes here are still saved, but in the trash.",
    restore: "Restore",
    readOnlyAction:
      "This plan is being edited in another tab; here it can only be viewed. Choose “Edit here” to change it.",
    readOnlyBanner:
      "This plan is being edited in another tab. View only here – changes there appear here at once.",
    takeOver: "Edit here",
    download: "Download backup",
    reload: "Reload",
  },
};
