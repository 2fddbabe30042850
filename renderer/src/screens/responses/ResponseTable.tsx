/** The register's table with paging; a row opens the response on click, Enter or Space. */
import { useTranslation } from 'react-i18next';
import type { ResponseSummary } from '../../../../shared/responses';
import { PAGE_SIZES, useResponsesStore } from '../../stores/responses';
import { FlagChips, StatusChip } from './FlagChip';
import { dateTime } from './format';

function Row({
  response,
  selected,
  onOpen,
}: {
  response: ResponseSummary;
  selected: boolean;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  return (
    <tr
      className={selected ? 'clickable selected' : 'clickable'}
      data-response={response.id}
      tabIndex={0}
      aria-selected={selected}
      onClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen();
        }
      }}
    >
      <td className="nowrap">{dateTime(response.startedAt)}</td>
      <td className="customer">
        {response.customerName ?? <span className="muted">{t('register.noCustomer')}</span>}
      </td>
      <td className="survey" title={response.surveyTitle}>
        <span className="ellipsis">{response.surveyTitle}</span>{' '}
        <span className="muted">{t('register.version', { version: response.versionNo })}</span>
      </td>
      <td className="wave">{response.waveName ?? '—'}</td>
      <td className="col-channel">{t(`register.channel.${response.channel}`)}</td>
      <td>
        <StatusChip status={response.status} />
      </td>
      <td>
        <FlagChips flags={response.flags} />
      </td>
      <td className="col-interviewer">{response.interviewer ?? '—'}</td>
      <td className="num col-answers">{response.answerCount}</td>
      <td className="num col-revision">{response.revision}</td>
    </tr>
  );
}

function Pager() {
  const { t } = useTranslation();
  const { total, offset, limit, items, setPage } = useResponsesStore();
  const from = offset + 1;
  return (
    <div className="pager" data-testid="pager">
      <span className="pager-range" data-testid="pager-range">
        {total > 0 && t('register.pager.range', { from, to: offset + items.length, total })}
      </span>
      <label className="pager-size">
        <span className="muted">{t('register.pager.perPage')}</span>
        <select
          className="input compact"
          value={limit}
          onChange={(e) => setPage(0, Number(e.target.value))}
        >
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button secondary"
        data-action="previous-page"
        disabled={offset === 0}
        onClick={() => setPage(offset - limit)}
      >
        {t('register.pager.previous')}
      </button>
      <button
        type="button"
        className="button secondary"
        data-action="next-page"
        disabled={offset + limit >= total}
        onClick={() => setPage(offset + limit)}
      >
        {t('register.pager.next')}
      </button>
    </div>
  );
}

export function ResponseTable() {
  const { t } = useTranslation();
  const items = useResponsesStore((s) => s.items);
  const loading = useResponsesStore((s) => s.loading);
  const selectedId = useResponsesStore((s) => s.selected?.id ?? null);
  const open = useResponsesStore((s) => s.open);
  return (
    <div className="register-table-wrap">
      <div className="register-scroll">
        <table
          className="table data-table register-table"
          data-testid="register"
          aria-busy={loading}
        >
          <thead>
            <tr>
              <th>{t('register.columns.started')}</th>
              <th>{t('register.columns.customer')}</th>
              <th>{t('register.columns.survey')}</th>
              <th>{t('register.columns.wave')}</th>
              <th className="col-channel">{t('register.columns.channel')}</th>
              <th>{t('register.columns.status')}</th>
              <th>{t('register.columns.flags')}</th>
              <th className="col-interviewer">{t('register.columns.interviewer')}</th>
              <th className="num col-answers">{t('register.columns.answers')}</th>
              <th className="num col-revision">{t('register.columns.revision')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((response) => (
              <Row
                key={response.id}
                response={response}
                selected={response.id === selectedId}
                onOpen={() => void open(response.id)}
              />
            ))}
          </tbody>
        </table>
        {items.length === 0 && !loading && (
          <p className="register-empty muted" data-testid="register-empty">
            {t('register.empty')}
          </p>
        )}
      </div>
      <Pager />
    </div>
  );
}
