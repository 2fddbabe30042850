import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn, type SurveyLanguage } from '../../../../shared/questionnaire/model';
import { useAppStore } from '../../stores/app';
import { useSurveysStore } from '../../stores/surveys';

export function SurveyList() {
  const { t, i18n } = useTranslation();
  const list = useSurveysStore((s) => s.list);
  const templates = useSurveysStore((s) => s.templates);
  const create = useSurveysStore((s) => s.create);
  const open = useSurveysStore((s) => s.open);
  const importFile = useSurveysStore((s) => s.importFile);
  const locale = useAppStore((s) => s.locale);
  const [choosing, setChoosing] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const lang: SurveyLanguage = locale;

  return (
    <section className="screen surveys" data-testid="survey-list">
      <div className="screen-head">
        <h1>{t('nav.surveys')}</h1>
        <div className="actions">
          <button type="button" className="button" data-action="new-survey" onClick={() => setChoosing(true)}>
            {t('surveys.new')}
          </button>
          <button type="button" className="button secondary" onClick={() => fileInput.current?.click()}>
            {t('surveys.import')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,.json"
            hidden
            data-testid="import-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
              e.target.value = '';
            }}
          />
        </div>
      </div>
      {choosing && (
        <div className="card new-survey" data-testid="new-survey">
          <h2>{t('surveys.chooseTemplate')}</h2>
          <div className="template-grid">
            {templates.map((template) => (
              <button key={template.id} type="button" className="template" data-template={template.id} onClick={() => void create(template.id, lang).then(() => setChoosing(false))}>
                <strong>{textIn(template.title, lang)}</strong>
                <span className="muted">{textIn(template.description, lang)}</span>
                <span className="template-meta">{t('surveys.questionCount', { count: template.questionCount })}</span>
              </button>
            ))}
            <button type="button" className="template blank" data-template="blank" onClick={() => void create(null, lang).then(() => setChoosing(false))}>
              <strong>{t('surveys.blank')}</strong>
              <span className="muted">{t('surveys.blankHelp')}</span>
            </button>
          </div>
          <button type="button" className="button ghost" onClick={() => setChoosing(false)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {list.length === 0 ? (
        <div className="card empty">
          <p>{t('surveys.empty')}</p>
        </div>
      ) : (
        <table className="table data-table">
          <thead>
            <tr>
              <th>{t('surveys.code')}</th>
              <th>{t('surveys.title')}</th>
              <th>{t('surveys.status')}</th>
              <th className="num">{t('surveys.responses')}</th>
              <th>{t('surveys.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((survey) => (
              <tr key={survey.id} className="clickable" data-survey={survey.code} onClick={() => open(survey.id)} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && open(survey.id)}>
                <td className="mono">{survey.code}</td>
                <td>{survey.title}</td>
                <td>
                  {survey.publishedVersion !== null && <span className="chip published">{t('surveys.publishedV', { version: survey.publishedVersion })}</span>}
                  {survey.hasDraft && <span className="chip draft">{t('surveys.draft')}</span>}
                </td>
                <td className="num">{survey.responseCount}</td>
                <td>{new Date(survey.updatedAt).toLocaleString(i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
