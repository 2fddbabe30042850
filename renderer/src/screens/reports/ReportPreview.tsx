/**
 * What the Word report will contain, before it is saved: the outline the report's own section
 * builders recorded (headings, lead sentences, the first rows of each table, the charts as the
 * document embeds them), in the report's language. Unchecked sections are hidden here and the
 * chapters renumbered, as the document would number them.
 */
import { useTranslation } from 'react-i18next';
import type {
  OutlineEntry,
  OutlineSection,
  ReportPreview as Preview,
  ReportSection,
} from '../../../../shared/analysis';
import { previewKey, useReportsStore } from '../../stores/reports';

/** Chapter numbers as the document gives them when only `chosen` sections are written. */
export function renumber(sections: OutlineSection[], chosen: ReportSection[]): OutlineSection[] {
  const wanted = new Set(chosen);
  let chapter = 0;
  let sub = 0;
  return sections
    .filter((s) => wanted.has(s.id))
    .map((section) => ({
      id: section.id,
      entries: section.entries.map((entry): OutlineEntry => {
        if (entry.kind !== 'heading' || entry.number === null) return entry;
        if (entry.level === 1) {
          chapter++;
          sub = 0;
          return { ...entry, number: String(chapter) };
        }
        sub++;
        return { ...entry, number: `${chapter}.${sub}` };
      }),
    }));
}

function Entry({ entry, preview }: { entry: OutlineEntry; preview: Preview }) {
  const { t } = useTranslation();
  switch (entry.kind) {
    case 'cover':
      return (
        <div className="preview-cover">
          <h3>{entry.title}</h3>
          <p className="preview-subtitle">{entry.subtitle}</p>
          <dl>
            {entry.facts.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      );
    case 'heading':
      return entry.level === 1 ? (
        <h3 className="preview-h1">
          {entry.number && <span className="preview-number">{entry.number}</span>}
          {entry.title}
        </h3>
      ) : (
        <h4 className="preview-h2">
          <span className="preview-number">{entry.number}</span>
          {entry.title}
        </h4>
      );
    case 'text':
      return <p className="preview-text">{entry.text}</p>;
    case 'table':
      return (
        <figure className="preview-table">
          <figcaption>{entry.title}</figcaption>
          <div className="preview-table-scroll">
            <table className="table">
              <thead>
                <tr>
                  {entry.columns.map((c, k) => (
                    <th key={k}>{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {entry.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, k) => (
                      <td key={k}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {entry.totalRows > entry.rows.length && (
            <p className="muted small">
              {t('reports.preview.moreRows', { n: entry.totalRows - entry.rows.length })}
            </p>
          )}
        </figure>
      );
    case 'figure': {
      const chart = preview.charts[entry.id];
      if (!chart) return null;
      return (
        <figure className="preview-figure" data-chart={entry.id}>
          <img src={chart.src} alt={entry.caption} style={{ maxWidth: chart.width }} />
          <figcaption>{entry.caption}</figcaption>
        </figure>
      );
    }
  }
}

/** The table of contents: the chapters that follow, as Word will list them. */
function Contents({ sections }: { sections: OutlineSection[] }) {
  const chapters = sections.flatMap((s) =>
    s.entries.flatMap((e) =>
      e.kind === 'heading' && e.level === 1 && e.number !== null ? [e] : [],
    ),
  );
  return (
    <ol className="preview-contents">
      {chapters.map((c) => (
        <li key={c.number}>
          <span className="preview-number">{c.number}</span>
          {c.title}
        </li>
      ))}
    </ol>
  );
}

export function ReportPreviewPanel() {
  const { t } = useTranslation();
  const preview = useReportsStore((s) => s.preview);
  const sections = useReportsStore((s) => s.options.sections);
  const key = useReportsStore(previewKey);
  const showPreview = useReportsStore((s) => s.showPreview);
  const busy = preview.status === 'starting' || preview.status === 'running';
  const result = preview.result;
  const stale = result !== null && preview.key !== key;
  const shown = result ? renumber(result.sections, sections) : [];
  return (
    <section className="card reports-preview" data-testid="report-preview" aria-busy={busy}>
      <div className="card-head wrap">
        <h2>{t('reports.preview.title')}</h2>
        <button
          type="button"
          className="button secondary"
          data-action="preview-report"
          disabled={busy}
          onClick={() => void showPreview()}
        >
          {result ? t('reports.preview.refresh') : t('reports.preview.show')}
        </button>
      </div>
      {busy && (
        <div className="reports-status" role="status" data-testid="preview-progress">
          <span>{t('reports.preview.working')}</span>
          <progress
            max={preview.progress.total || 1}
            value={preview.progress.total ? preview.progress.done : undefined}
          />
        </div>
      )}
      {preview.status === 'failed' && (
        <p className="reports-warning" role="alert">
          {t('reports.preview.failed', { message: preview.error ?? '' })}
        </p>
      )}
      {!result && !busy && <p className="muted">{t('reports.preview.hint')}</p>}
      {stale && !busy && (
        <p className="notice-bar warn" data-testid="preview-stale">
          {t('reports.preview.stale')}
        </p>
      )}
      {result && (
        <>
          <p className="muted small" data-testid="preview-facts">
            {t('reports.preview.facts', {
              sections: shown.length,
              charts: shown.reduce(
                (n, s) => n + s.entries.filter((e) => e.kind === 'figure').length,
                0,
              ),
            })}
            {result.compareWave &&
              ` · ${t('reports.preview.compared', { wave: result.compareWave })}`}
          </p>
          {result.warnings.map((w) => (
            <p key={w} className="notice-bar warn">
              {w}
            </p>
          ))}
          <div className={stale ? 'preview-page stale' : 'preview-page'} lang={result.lang}>
            {shown.map((section) => (
              <div key={section.id} className="preview-section" data-section={section.id}>
                {section.entries.map((entry, k) => (
                  <Entry key={k} entry={entry} preview={result} />
                ))}
                {section.id === 'contents' && <Contents sections={shown} />}
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
