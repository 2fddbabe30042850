import { useTranslation } from 'react-i18next';
import { updatePage } from '../../../../shared/questionnaire/edit';
import { useDesignerStore } from '../../stores/designer';
import { ExpressionField, LocalizedField } from './fields';

export function PageEditor({ pageId }: { pageId: string }) {
  const { t } = useTranslation();
  const definition = useDesignerStore((s) => s.definition)!;
  const { edit } = useDesignerStore.getState();
  const page = definition.pages.find((p) => p.id === pageId);
  if (!page) return <p className="muted">{t('designer.nothingSelected')}</p>;
  return (
    <div className="editor" data-testid="page-editor">
      <h2>{t('designer.page')}</h2>
      <LocalizedField label={t('designer.pageTitle')} value={page.title} languages={definition.languages} onChange={(title) => edit((d) => updatePage(d, pageId, (p) => ({ ...p, title })))} />
      <ExpressionField label={t('designer.relevant')} name="page-relevant" value={page.relevant} help={t('designer.pageRelevantHelp')} onChange={(relevant) => edit((d) => updatePage(d, pageId, (p) => ({ ...p, relevant })))} />
      <p className="muted">{t('designer.pageQuestions', { count: page.questions.length })}</p>
    </div>
  );
}
