/**
 * What the import preview reports about a file's contents: the first features by name, which
 * attributes were found, values that will not be taken over, and what was repaired or left out.
 */
import type { DroppedFeature } from "../../domain/exchange/index.ts";
import { formatNumber } from "../../i18n/index.ts";
import type { ReadPreview } from "./import-session.ts";
import { useImportTexts } from "./use-import-texts.ts";

/** The first features of the file, numbered, with their kind. */
export function ImportNames({ preview }: { preview: ReadPreview }) {
  const { t, nameOf, more } = useImportTexts();
  const { rows: shown, rowCount } = preview;
  const rest = more(rowCount, shown.length);
  return (
    <div className="table-scroll exchange-table">
      <table className="data-table compact" data-testid="import-names">
        <caption>{t("exchange.import.namesCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t("exchange.import.columnNumber")}
            </th>
            <th scope="col">{t("exchange.import.columnName")}</th>
            <th scope="col">{t("exchange.import.columnType")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((f) => (
            <tr key={f.index}>
              <td className="num">{f.index + 1}</td>
              <td>{nameOf(f)}</td>
              <td>{f.point ? t("exchange.import.typePoint") : t("exchange.import.typeArea")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rest && <p className="muted small">{rest}</p>}
    </div>
  );
}

/** Attributes found, values not taken over, and the repair report (or that nothing needed repair). */
export function ImportReport({ preview }: { preview: ReadPreview }) {
  const { t, language, issueText, more } = useImportTexts();
  const found = preview.attributesFound;
  const moreIssues = more(preview.attributeIssueCount, preview.attributeIssues.length);
  return (
    <>
      {Object.values(found).some((n) => n > 0) && (
        <p data-testid="import-attributes-found">
          {t("exchange.import.attributesFound", {
            fields: formatNumber(found.fields, language),
            status: formatNumber(found.status, language),
            partners: formatNumber(found.partners, language),
            notes: formatNumber(found.notes, language),
          })}
        </p>
      )}
      {preview.attributeIssueCount > 0 && (
        <div className="exchange-report" data-testid="import-attribute-issues">
          <h4>{t("exchange.import.attributeIssuesHeading")}</h4>
          <ul>
            {preview.attributeIssues.map((issue, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list per file read; one feature may have several
              <li key={`${issue.index}-${i}`}>{issueText(issue)}</li>
            ))}
          </ul>
          {moreIssues && <p className="muted small">{moreIssues}</p>}
        </div>
      )}
      {preview.repairedCount === 0 && preview.droppedCount === 0 ? (
        preview.attributeIssueCount === 0 && <p className="muted">{t("exchange.import.noRepairs")}</p>
      ) : (
        <RepairReport preview={preview} />
      )}
    </>
  );
}

/** What was repaired and what was left out, each list cut to its first 50 entries. */
function RepairReport({ preview }: { preview: ReadPreview }) {
  const { t, nameOf, more } = useImportTexts();
  const { report } = preview;
  const moreRepaired = more(preview.repairedCount, report.repaired.length);
  const moreDropped = more(preview.droppedCount, report.dropped.length);
  return (
    <div className="exchange-report" data-testid="import-report">
      {report.repaired.length > 0 && (
        <>
          <h4>{t("exchange.report.repairedHeading")}</h4>
          <ul>
            {report.repaired.slice(0, 50).map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list per file read; one feature may appear twice
              <li key={`${r.index}-${r.what}-${i}`}>
                {t("exchange.report.item", {
                  name: nameOf(r),
                  n: r.index + 1,
                  message: t(`exchange.repairs.${r.what}`),
                })}
              </li>
            ))}
          </ul>
          {moreRepaired && <p className="muted small">{moreRepaired}</p>}
        </>
      )}
      {report.dropped.length > 0 && (
        <>
          <h4>{t("exchange.report.droppedHeading")}</h4>
          <DroppedList dropped={report.dropped} testId="import-dropped" />
          {moreDropped && <p className="muted small">{moreDropped}</p>}
        </>
      )}
    </div>
  );
}

/** Features left out, with the reason for each (the first 50). */
export function DroppedList({
  dropped,
  testId,
  className,
}: {
  dropped: readonly DroppedFeature[];
  testId?: string;
  className?: string;
}) {
  const { droppedText } = useImportTexts();
  return (
    <ul className={className} data-testid={testId}>
      {dropped.slice(0, 50).map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list per file read; one feature may appear twice
        <li key={`${d.index}-${i}`}>{droppedText(d)}</li>
      ))}
    </ul>
  );
}
