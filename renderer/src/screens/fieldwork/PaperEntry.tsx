/**
 * Paper entry (纸质问卷录入): batches of paper cards keyed in by typists, keyboard only, with
 * double entry, a comparison of the two passes and typist statistics. Opened from the field
 * work hub for the survey's published version.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyDefinition, SurveyLanguage } from '../../../../shared/questionnaire/model';
import { usePaperStore } from '../../stores/paper';
import { BatchList } from './paper/BatchList';
import { ComparePanel } from './paper/ComparePanel';
import { EntryForm } from './paper/EntryForm';
import './paper/paper.css';

export interface PaperEntryProps {
  surveyId: string;
  waveId: string | null;
  definition: SurveyDefinition;
  versionNo: number;
  onExit: () => void;
  resumeId?: string | null;
}

export function PaperEntry({ surveyId, waveId, definition, versionNo, onExit }: PaperEntryProps) {
  const { t, i18n } = useTranslation();
  const view = usePaperStore((s) => s.view);
  const ready = usePaperStore((s) => s.surveyId === surveyId && s.definition === definition);
  const hasEntry = usePaperStore((s) => s.entry !== null);
  const hasComparison = usePaperStore((s) => s.comparison !== null && s.compareDefinition !== null);
  const load = usePaperStore((s) => s.load);
  const backToBatches = usePaperStore((s) => s.leave);
  const locale = i18n.language as SurveyLanguage;
  const lang = definition.languages.includes(locale) ? locale : definition.defaultLanguage;

  useEffect(() => {
    void load({ surveyId, waveId, definition, versionNo });
  }, [load, surveyId, waveId, definition, versionNo]);

  if (ready && view === 'entry' && hasEntry) {
    return (
      <section className="screen paper" data-testid="paper">
        <EntryForm definition={definition} lang={lang} />
      </section>
    );
  }
  return (
    <section className="screen paper" data-testid="paper">
      <div className="screen-head paper-head">
        <h1>
          {t('paper.title')} <span className="muted">· {definition.title[lang] ?? ''}</span>
        </h1>
        <button
          type="button"
          className="button secondary"
          data-action="exit"
          onClick={view === 'compare' ? backToBatches : onExit}
        >
          {view === 'compare' ? `← ${t('paper.batches.title')}` : t('paper.back')}
        </button>
      </div>
      {ready && view === 'compare' && hasComparison ? (
        <ComparePanel lang={lang} />
      ) : (
        <BatchList definition={definition} lang={lang} versionNo={versionNo} />
      )}
    </section>
  );
}
