/**
 * The open response as a side panel: flags with the reviewer's decisions, consent, timing,
 * notes, answers and history; Edit and Void act on it. Escape closes it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyDefinition, SurveyLanguage } from '../../../../shared/questionnaire/model';
import type { ResponseRecord } from '../../../../shared/responses';
import { useAppStore } from '../../stores/app';
import { useResponsesStore } from '../../stores/responses';
import { AnswerList } from './AnswerList';
import { EditAnswers } from './EditAnswers';
import { StatusChip } from './FlagChip';
import { FlagReview } from './FlagReview';
import { HistoryList } from './HistoryList';
import { VoidForm } from './VoidForm';
import { dateTime, durationText, shortId } from './format';
import './detail.css';

type Mode = 'view' | 'edit' | 'void';

/** Keyed by the response id, so opening another response starts in view mode without a notice. */
export function ResponseDetail() {
  const record = useResponsesStore((s) => s.selected);
  const definition = useResponsesStore((s) => s.definition);
  if (!record || !definition) return null;
  return <DetailPanel key={record.id} record={record} definition={definition} />;
}

function DetailPanel({
  record,
  definition,
}: {
  record: ResponseRecord;
  definition: SurveyDefinition;
}) {
  const { t } = useTranslation();
  const close = useResponsesStore((s) => s.close);
  const locale = useAppStore((s) => s.locale);
  const [mode, setMode] = useState<Mode>('view');
  const [notice, setNotice] = useState<string | null>(null);
  const panel = useRef<HTMLElement>(null);

  // Focus moves into the panel, and back to the response's row when it closes (keyboard users).
  useEffect(() => {
    panel.current?.focus();
    return () => document.querySelector<HTMLElement>(`tr[data-response="${record.id}"]`)?.focus();
  }, [record.id]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && mode === 'view') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close, mode]);

  const lang: SurveyLanguage = locale;
  const duration = durationText(record.startedAt, record.completedAt, t);
  const finished = record.status !== 'in_progress' && record.status !== 'void';

  return (
    <>
      <div className="drawer-backdrop" onClick={close} aria-hidden="true" />
      <aside
        className="detail-drawer"
        role="dialog"
        aria-label={t('register.detail.title')}
        data-testid="response-detail"
        ref={panel}
        tabIndex={-1}
      >
        <header className="drawer-head">
          <div>
            <h2>
              {record.customerName ?? t('register.noCustomer')}{' '}
              <StatusChip status={record.status} />
            </h2>
            <p className="muted small">
              {record.surveyTitle} {t('register.version', { version: record.versionNo })} ·{' '}
              {record.waveName ?? '—'} · {t(`register.channel.${record.channel}`)} ·{' '}
              {record.interviewer ?? '—'}
            </p>
            <p className="muted small">
              {t('register.detail.id')}{' '}
              <span className="mono" title={record.id}>
                {shortId(record.id)}
              </span>{' '}
              ·{' '}
              <span data-testid="revision">
                {t('register.detail.revision', { revision: record.revision })}
              </span>
            </p>
          </div>
          <button
            type="button"
            className="icon-button close"
            aria-label={t('register.detail.close')}
            data-action="close-detail"
            onClick={close}
          >
            ✕
          </button>
        </header>
        {mode === 'view' && (
          <div className="drawer-actions">
            <button
              type="button"
              className="button"
              data-action="edit"
              disabled={!finished}
              onClick={() => setMode('edit')}
            >
              {t('register.edit.button')}
            </button>
            <button
              type="button"
              className="button secondary danger"
              data-action="void"
              disabled={record.status === 'void'}
              onClick={() => setMode('void')}
            >
              {t('register.void.button')}
            </button>
          </div>
        )}
        {notice && (
          <p className="notice-bar good" role="status" data-testid="detail-notice">
            {notice}
          </p>
        )}
        {mode === 'void' && (
          <VoidForm
            onCancel={() => setMode('view')}
            onDone={() => {
              setMode('view');
              setNotice(t('register.void.done'));
            }}
          />
        )}
        {mode === 'edit' ? (
          <EditAnswers
            record={record}
            definition={definition}
            lang={lang}
            onCancel={() => setMode('view')}
            onSaved={(revision) => {
              setMode('view');
              setNotice(
                revision === null
                  ? t('register.edit.unchanged')
                  : t('register.edit.saved', { revision }),
              );
            }}
          />
        ) : (
          <div className="drawer-body">
            <section className="detail-section" data-section="flags">
              <h3>{t('register.detail.flags')}</h3>
              <FlagReview flags={record.flags} readOnly={record.status === 'void'} />
            </section>
            <section className="detail-section detail-facts" data-section="facts">
              <div>
                <h3>{t('register.detail.consent')}</h3>
                <p data-testid="consent">
                  {record.consent
                    ? t('register.detail.consentGiven', {
                        method: t(`register.consentMethod.${record.consent.method}`),
                        at: dateTime(record.consent.givenAt),
                        version: record.consent.versionNo,
                      })
                    : t('register.detail.noConsent')}
                </p>
              </div>
              <div>
                <h3>{t('register.detail.timing')}</h3>
                <dl className="facts compact">
                  <dt>{t('register.detail.started')}</dt>
                  <dd>{dateTime(record.startedAt)}</dd>
                  <dt>{t('register.detail.completed')}</dt>
                  <dd>
                    {record.completedAt
                      ? dateTime(record.completedAt)
                      : t('register.detail.notFinished')}
                  </dd>
                  <dt>{t('register.detail.duration')}</dt>
                  <dd data-testid="duration">{duration ?? '—'}</dd>
                  {record.batchId && (
                    <>
                      <dt>{t('register.detail.paperCard')}</dt>
                      <dd className="mono">{record.cardNo ?? '—'}</dd>
                    </>
                  )}
                </dl>
              </div>
            </section>
            <section className="detail-section" data-section="notes">
              <h3>{t('register.detail.notes')}</h3>
              {record.notes.trim() ? (
                <p className="notes">{record.notes}</p>
              ) : (
                <p className="muted">{t('register.detail.noNotes')}</p>
              )}
            </section>
            <section className="detail-section" data-section="answers">
              <h3>{t('register.detail.answers', { version: record.versionNo })}</h3>
              <AnswerList definition={definition} answers={record.answers} lang={lang} />
            </section>
            <section className="detail-section" data-section="history">
              <h3>{t('register.detail.history')}</h3>
              <HistoryList history={record.history} definition={definition} lang={lang} />
            </section>
          </div>
        )}
      </aside>
    </>
  );
}
