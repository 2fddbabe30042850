import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../../../shared/questionnaire/model';
import { useDesignerStore } from '../../stores/designer';
import { useSurveysStore } from '../../stores/surveys';
import { CheckPanel } from './CheckPanel';
import { Outline } from './Outline';
import { PageEditor } from './PageEditor';
import { PreviewPanel } from './PreviewPanel';
import { PublishPanel } from './PublishPanel';
import { QuestionEditor } from './QuestionEditor';
import { SurveySettingsEditor } from './SurveySettingsEditor';

type SideTab = 'preview' | 'check' | 'publish';

export function Designer({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const detail = useDesignerStore((s) => s.detail);
  const definition = useDesignerStore((s) => s.definition);
  const selection = useDesignerStore((s) => s.selection);
  const save = useDesignerStore((s) => s.save);
  const problems = useDesignerStore((s) => s.problems);
  const canUndo = useDesignerStore((s) => s.past.length > 0);
  const canRedo = useDesignerStore((s) => s.future.length > 0);
  const { open, close, undo, redo, exportFile } = useDesignerStore.getState();
  const closeSurvey = useSurveysStore((s) => s.open);
  const importWarnings = useSurveysStore((s) => s.importWarnings);
  const [tab, setTab] = useState<SideTab>('preview');
  const [exported, setExported] = useState<string | null>(null);

  useEffect(() => {
    void open(surveyId);
    return () => close();
  }, [surveyId, open, close]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const target = event.target as HTMLElement | null;
      // Inside a text field the browser's own undo edits the text; ours works everywhere else.
      if (target && ['INPUT', 'TEXTAREA'].includes(target.tagName)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
        event.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  if (!detail || !definition) return <div className="screen">{t('common.loading')}</div>;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;

  return (
    <section className="designer" data-testid="designer">
      <header className="designer-head">
        <button type="button" className="button ghost" onClick={() => closeSurvey(null)} aria-label={t('designer.back')}>
          ‹ {t('nav.surveys')}
        </button>
        <div className="designer-title">
          <strong>{textIn(definition.title, definition.defaultLanguage) || '—'}</strong>
          <span className="mono muted">{detail.code}</span>
          <span className={`chip ${detail.editingStatus}`} data-testid="version-status">
            {detail.editingStatus === 'draft' ? t('designer.draftV', { version: detail.editingVersion }) : t('surveys.publishedV', { version: detail.editingVersion })}
          </span>
          <span className={`save-state ${save}`} data-testid="save-state">
            {t(`designer.save.${save}`)}
          </span>
        </div>
        <div className="actions">
          <button type="button" className="button ghost" disabled={!canUndo} onClick={undo} title="Ctrl+Z">
            ↶ {t('designer.undo')}
          </button>
          <button type="button" className="button ghost" disabled={!canRedo} onClick={redo} title="Ctrl+Shift+Z">
            ↷ {t('designer.redo')}
          </button>
          <button type="button" className="button secondary" data-action="export-xlsform" onClick={() => void exportFile('xlsform').then(setExported)}>
            {t('designer.exportXlsForm')}
          </button>
          <button type="button" className="button secondary" data-action="export-json" onClick={() => void exportFile('json').then(setExported)}>
            JSON
          </button>
        </div>
      </header>
      {exported && (
        <div className="notice-bar good" data-testid="exported">
          {t('designer.exported', { path: exported })}
          <button type="button" className="button ghost small" onClick={() => setExported(null)}>
            {t('common.close')}
          </button>
        </div>
      )}
      {importWarnings.length > 0 && (
        <details className="notice-bar warn" data-testid="import-warnings">
          <summary>{t('designer.importWarnings', { count: importWarnings.length })}</summary>
          <ul>
            {importWarnings.map((w, i) => (
              <li key={i}>
                {w.sheet}
                {w.row ? ` · ${t('designer.row', { row: w.row })}` : ''}: {w.message[t('designer.messageLang') as 'en' | 'zh-CN'] ?? w.message.en}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="designer-body">
        <Outline />
        <div className="designer-editor">
          {selection.kind === 'survey' && <SurveySettingsEditor />}
          {selection.kind === 'page' && <PageEditor pageId={selection.id} />}
          {selection.kind === 'question' && <QuestionEditor questionId={selection.id} />}
        </div>
        <aside className="designer-side">
          <div className="tabs" role="tablist">
            <button type="button" role="tab" aria-selected={tab === 'preview'} className={tab === 'preview' ? 'tab active' : 'tab'} onClick={() => setTab('preview')}>
              {t('designer.preview')}
            </button>
            <button type="button" role="tab" aria-selected={tab === 'check'} className={tab === 'check' ? 'tab active' : 'tab'} data-tab="check" onClick={() => setTab('check')}>
              {t('designer.check')} {errors > 0 && <span className="badge bad">{errors}</span>} {warnings > 0 && <span className="badge warn">{warnings}</span>}
            </button>
            <button type="button" role="tab" aria-selected={tab === 'publish'} className={tab === 'publish' ? 'tab active' : 'tab'} data-tab="publish" onClick={() => setTab('publish')}>
              {t('designer.publish')}
            </button>
          </div>
          {tab === 'preview' && <PreviewPanel />}
          {tab === 'check' && <CheckPanel />}
          {tab === 'publish' && <PublishPanel />}
        </aside>
      </div>
    </section>
  );
}
