/** Popup body for a clicked facility: its attributes as plain text, plus the layer's source. */
import "./FacilityPopup.css";
import { useTranslation } from "react-i18next";
import type { GeneratedCatalogue } from "../domain/model/catalogue.ts";
import { formatNumber } from "../i18n/index.ts";

interface FacilityPopupProps {
  catalogue: GeneratedCatalogue;
  entryId: string;
  properties: Record<string, unknown>;
}

/** Only http(s) links become links; anything else (e.g. "javascript:") is shown as text. */
function isWebLink(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

export function FacilityPopup({ catalogue, entryId, properties }: FacilityPopupProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as "de" | "en";
  const entry = catalogue.entries.find((e) => e.id === entryId);
  if (!entry) return null;
  const rows = (entry.popupFields ?? [])
    .map((field) => {
      const raw = properties[field.key];
      if (raw === null || raw === undefined || raw === "") return null;
      const value =
        typeof raw === "number" ? formatNumber(raw, language, Number.isInteger(raw) ? 0 : 1) : String(raw);
      return { key: field.key, label: field.label[language], value };
    })
    .filter((r): r is { key: string; label: string; value: string } => r !== null);
  return (
    <div className="facility-popup" data-testid="facility-popup">
      <p className="eyebrow">{entry.title[language]}</p>
      <dl>
        {rows.map((row) => (
          <div key={row.key}>
            <dt>{row.label}</dt>
            <dd>
              {row.key === "link" && isWebLink(row.value) ? (
                <a href={row.value} target="_blank" rel="noopener noreferrer">
                  {row.value}
                </a>
              ) : (
                row.value
              )}
            </dd>
          </div>
        ))}
      </dl>
      <p className="popup-source">
        {t("popup.source")}: <span lang="de">{entry.credit}</span> · {entry.dataDate[language]}
      </p>
    </div>
  );
}
