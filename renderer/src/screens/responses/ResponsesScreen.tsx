/**
 * The response register (答卷登记): every response with filters and paging; a response opens in a
 * side panel for review (flags, edit with history, void). Works at 1280x800 and on touch screens.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useResponsesStore } from '../../stores/responses';
import { FilterBar } from './FilterBar';
import { RecomputeButton, RecomputeResult } from './RecomputeBar';
import { ResponseDetail } from './ResponseDetail';
import { ResponseTable } from './ResponseTable';
import './responses.css';

export function ResponsesScreen() {
  const { t } = useTranslation();
  const load = useResponsesStore((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="screen responses" data-testid="responses">
      <div className="screen-head">
        <div>
          <h1>{t('nav.responses')}</h1>
          <p className="muted small register-subtitle">{t('register.subtitle')}</p>
        </div>
        <RecomputeButton />
      </div>
      <FilterBar />
      <RecomputeResult />
      <ResponseTable />
      <ResponseDetail />
    </section>
  );
}
