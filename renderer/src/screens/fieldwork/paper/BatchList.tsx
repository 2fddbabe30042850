/**
 * The batches of the survey with their counts and status, a form for a new batch, each
 * batch's typist statistics, and the printable card.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorStats, PaperBatch } from '../../../../../shared/api/paper';
import type { SurveyDefinition, SurveyLanguage } from '../../../../../shared/questionnaire/model';
import { usePaperStore } from '../../../stores/paper';

const today = () => new Date().toLocaleDateString('sv-SE');
const fixed = (n: number | null, digits = 1) => (n === null ? '—' : n.toFixed(digits));

function CreateBatch({ count }: { count: number }) {
  const { t } = useTranslation();
  const createBatch = usePaperStore((s) => s.createBatch);
  const [event, setEvent] = useState('');
  const [batchDate, setDate] = useState(today());
  const [batchNo, setBatchNo] = useState('');
  const [doubleEntry, setDouble] = useState(false);
  const suggested = `B${String(count + 1).padStart(2, '0')}`;
  return (
    <form
      className="card paper-create"
      data-testid="paper-create"
      onSubmit={(e) => {
        e.preventDefault();
        void createBatch({
          event: event.trim(),
          batchDate,
          batchNo: batchNo.trim() || suggested,
          doubleEntry,
        }).then((ok) => {
          if (ok) {
            setEvent('');
            setBatchNo('');
          }
        });
      }}
    >
      <h2>{t('paper.create.title')}</h2>
      <div className="field-row">
        <label className="field">
          <span className="field-label">{t('paper.create.event')}</span>
          <input
            className="input"
            data-field="event"
            value={event}
            placeholder={t('paper.create.eventExample')}
            onChange={(e) => setEvent(e.target.value)}
          />
        </label>
        <label className="field small-field">
          <span className="field-label">{t('paper.create.date')}</span>
          <input
            className="input"
            type="date"
            data-field="batch-date"
            value={batchDate}
            onChange={(e) => setDate(e.target.value)}
          />
        </label>
        <label className="field small-field">
          <span className="field-label">{t('paper.create.batchNo')}</span>
          <input
            className="input"
            data-field="batch-no"
            value={batchNo}
            placeholder={suggested}
            onChange={(e) => setBatchNo(e.target.value)}
          />
        </label>
      </div>
      <div className="field-row paper-create-foot">
        <label className="paper-check">
          <input
            type="checkbox"
            data-field="double-entry"
            checked={doubleEntry}
            onChange={(e) => setDouble(e.target.checked)}
          />
          {t('paper.create.doubleEntry')}
        </label>
        <button
          type="submit"
          className="button"
          data-action="create-batch"
          disabled={!event.trim() || !batchDate}
        >
          {t('paper.create.submit')}
        </button>
      </div>
    </form>
  );
}

function StatsTable({ batch, rows }: { batch: PaperBatch; rows: OperatorStats[] }) {
  const { t } = useTranslation();
  return (
    <div className="card paper-stats" data-testid="paper-stats">
      <h2>{t('paper.stats.title', { batch: batch.batchNo })}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('paper.stats.none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('paper.stats.pass')}</th>
              <th>{t('paper.stats.operator')}</th>
              <th className="num">{t('paper.stats.cards')}</th>
              <th className="num">{t('paper.stats.perHour')}</th>
              <th className="num">{t('paper.stats.keysPerCard')}</th>
              <th className="num">{t('paper.stats.keysPerAnswer')}</th>
              <th className="num">{t('paper.stats.errorsPerCard')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.pass}-${r.operator}`} data-operator={r.operator ?? ''}>
                <td>{r.pass}</td>
                <td>{r.operator ?? t('paper.stats.unnamed')}</td>
                <td className="num">{r.cards}</td>
                <td className="num">{fixed(r.cardsPerHour, 0)}</td>
                <td className="num">{fixed(r.keystrokesPerCard)}</td>
                <td className="num">{fixed(r.keystrokesPerAnswer, 2)}</td>
                <td className="num">{fixed(r.errorsPerCard, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="field-help">{t('paper.stats.help')}</p>
    </div>
  );
}

function PrintCard({ definition, lang }: { definition: SurveyDefinition; lang: SurveyLanguage }) {
  const { t } = useTranslation();
  const printCard = usePaperStore((s) => s.printCard);
  const printed = usePaperStore((s) => s.printed);
  const [cardLang, setLang] = useState<SurveyLanguage>(lang);
  return (
    <div className="card paper-print">
      <h2>{t('paper.print.title')}</h2>
      <p className="muted">{t('paper.print.help')}</p>
      <div className="field-row">
        <select
          className="input compact"
          data-field="card-lang"
          aria-label={t('paper.print.lang')}
          value={cardLang}
          onChange={(e) => setLang(e.target.value as SurveyLanguage)}
        >
          {definition.languages.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button secondary"
          data-action="print-card"
          onClick={() => void printCard(cardLang)}
        >
          {t('paper.print.button')}
        </button>
      </div>
      {printed && (
        <p className="field-help" data-testid="paper-printed">
          {t('paper.print.docx', { path: printed.docxPath })}
          <br />
          {printed.pdfPath
            ? t('paper.print.pdf', { path: printed.pdfPath })
            : t('paper.print.noPdf')}
        </p>
      )}
    </div>
  );
}

export function BatchList({
  definition,
  lang,
  versionNo,
}: {
  definition: SurveyDefinition;
  lang: SurveyLanguage;
  versionNo: number;
}) {
  const { t } = useTranslation();
  const s = usePaperStore();
  const statsBatch = s.stats && s.batches.find((b) => b.id === s.stats?.batchId);
  return (
    <div className="paper-batches">
      <div className="paper-top">
        <CreateBatch count={s.batches.length} />
        <PrintCard definition={definition} lang={lang} />
      </div>
      <div className="card">
        <h2>{t('paper.batches.title')}</h2>
        {s.batches.length === 0 ? (
          <p className="muted">{t('paper.batches.none')}</p>
        ) : (
          <table className="data-table paper-batch-table">
            <thead>
              <tr>
                <th>{t('paper.batches.batchNo')}</th>
                <th>{t('paper.batches.event')}</th>
                <th>{t('paper.batches.date')}</th>
                <th>{t('paper.batches.mode')}</th>
                <th>{t('paper.batches.status')}</th>
                <th className="num">{t('paper.batches.pass1')}</th>
                <th className="num">{t('paper.batches.pass2')}</th>
                <th className="num">{t('paper.batches.unfinished')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {s.batches.map((b) => {
                const current = b.versionNo === versionNo && b.status !== 'verified';
                return (
                  <tr key={b.id} data-batch={b.batchNo}>
                    <td>
                      <strong>{b.batchNo}</strong> <span className="muted">v{b.versionNo}</span>
                    </td>
                    <td>{b.event}</td>
                    <td>{b.batchDate}</td>
                    <td>{b.doubleEntry ? t('paper.batches.double') : t('paper.batches.single')}</td>
                    <td>
                      <span className={`chip status-${b.status}`} data-testid="batch-status">
                        {t(`paper.status.${b.status}`)}
                      </span>
                    </td>
                    <td className="num" data-count="pass1">
                      {b.firstPass}
                    </td>
                    <td className="num" data-count="pass2">
                      {b.doubleEntry ? b.secondPass : '—'}
                    </td>
                    <td className="num">{b.unfinished}</td>
                    <td>
                      <div className="paper-actions">
                        {current && (
                          <button
                            type="button"
                            className="button small"
                            data-action="enter-pass1"
                            onClick={() => void s.openEntry(b, 1)}
                          >
                            {t('paper.batches.enter')}
                          </button>
                        )}
                        {current && b.doubleEntry && (
                          <button
                            type="button"
                            className="button small secondary"
                            data-action="enter-pass2"
                            onClick={() => void s.openEntry(b, 2)}
                          >
                            {t('paper.batches.enterSecond')}
                          </button>
                        )}
                        {b.doubleEntry && (
                          <button
                            type="button"
                            className="button small secondary"
                            data-action="compare"
                            onClick={() => void s.openCompare(b)}
                          >
                            {t('paper.batches.compare')}
                          </button>
                        )}
                        <button
                          type="button"
                          className="button small ghost"
                          data-action="stats"
                          onClick={() => void s.loadStats(b)}
                        >
                          {t('paper.batches.stats')}
                        </button>
                        {b.status === 'open' && (
                          <button
                            type="button"
                            className="button small ghost"
                            data-action="close-batch"
                            onClick={() => void s.closeBatch(b)}
                          >
                            {t('paper.batches.close')}
                          </button>
                        )}
                        {b.versionNo !== versionNo && (
                          <span className="field-help">
                            {t('paper.batches.otherVersion', { version: b.versionNo })}
                          </span>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      {s.stats && statsBatch && <StatsTable batch={statsBatch} rows={s.stats.rows} />}
    </div>
  );
}
