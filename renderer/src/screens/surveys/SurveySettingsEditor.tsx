import { useTranslation } from 'react-i18next';
import { addDimension, deleteDimension, updateDimension } from '../../../../shared/questionnaire/edit';
import { SURVEY_LANGUAGES, type SurveyDefinition, type SurveyLanguage, type Target } from '../../../../shared/questionnaire/model';
import { newId, useDesignerStore } from '../../stores/designer';
import { LocalizedField, NumberField, Toggle, languageName } from './fields';

export function SurveySettingsEditor() {
  const { t } = useTranslation();
  const definition = useDesignerStore((s) => s.definition)!;
  const { edit } = useDesignerStore.getState();
  const langs = definition.languages;
  const update = (patch: Partial<SurveyDefinition>) => edit((d) => ({ ...d, ...patch }));
  const toggleLanguage = (lang: SurveyLanguage, on: boolean) => {
    const languages = on ? SURVEY_LANGUAGES.filter((l) => l === lang || langs.includes(l)) : langs.filter((l) => l !== lang);
    if (languages.length === 0) return;
    update({ languages, defaultLanguage: languages.includes(definition.defaultLanguage) ? definition.defaultLanguage : languages[0]! });
  };
  const setTarget = (index: number, patch: Partial<Target>) => update({ targets: definition.targets.map((x, i) => (i === index ? { ...x, ...patch } : x)) });

  return (
    <div className="editor" data-testid="survey-settings">
      <h2>{t('designer.surveySettings')}</h2>
      <fieldset className="field">
        <legend>{t('designer.languages')}</legend>
        <div className="field-row">
          {SURVEY_LANGUAGES.map((lang) => (
            <Toggle key={lang} label={languageName(lang)} checked={langs.includes(lang)} onChange={(on) => toggleLanguage(lang, on)} />
          ))}
          <label className="field small-field">
            <span className="field-label">{t('designer.defaultLanguage')}</span>
            <select className="input" value={definition.defaultLanguage} onChange={(e) => update({ defaultLanguage: e.target.value as SurveyLanguage })}>
              {langs.map((lang) => (
                <option key={lang} value={lang}>
                  {languageName(lang)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </fieldset>
      <LocalizedField label={t('designer.title')} name="title" value={definition.title} languages={langs} required onChange={(title) => update({ title })} />
      <LocalizedField label={t('designer.description')} value={definition.description} languages={langs} multiline onChange={(description) => update({ description })} />
      <LocalizedField label={t('designer.goal')} value={definition.goal} languages={langs} multiline onChange={(goal) => update({ goal })} />

      <fieldset className="field">
        <legend>{t('designer.targets')}</legend>
        <table className="grid-table">
          <thead>
            <tr>
              <th>{t('designer.metric')}</th>
              <th>{t('designer.baseline')}</th>
              <th>{t('designer.target')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {definition.targets.map((target, index) => (
              <tr key={index}>
                <td>
                  <select className="input" value={target.metric} onChange={(e) => setTarget(index, { metric: e.target.value })}>
                    <option value="overall">{t('designer.metricOverall')}</option>
                    <option value="nps">NPS</option>
                    {definition.dimensions.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.name[definition.defaultLanguage] ?? d.id}
                      </option>
                    ))}
                    {!['overall', 'nps', ...definition.dimensions.map((d) => d.id)].includes(target.metric) && <option value={target.metric}>{target.metric}</option>}
                  </select>
                </td>
                <td>
                  <NumberField label="" value={target.baseline} onChange={(baseline) => setTarget(index, { baseline })} />
                </td>
                <td>
                  <NumberField label="" value={target.target} onChange={(value) => setTarget(index, { target: value ?? 0 })} />
                </td>
                <td>
                  <button type="button" className="icon-button" aria-label={t('designer.delete')} onClick={() => update({ targets: definition.targets.filter((_, i) => i !== index) })}>
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="button ghost small" onClick={() => update({ targets: [...definition.targets, { metric: 'overall', label: {}, baseline: null, target: 80 }] })}>
          + {t('designer.addTarget')}
        </button>
      </fieldset>

      <fieldset className="field" data-field="dimensions">
        <legend>{t('designer.dimensions')}</legend>
        <table className="grid-table">
          <thead>
            <tr>
              {langs.map((lang) => (
                <th key={lang}>{languageName(lang)}</th>
              ))}
              <th>{t('designer.weight')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {definition.dimensions.map((dimension) => (
              <tr key={dimension.id}>
                {langs.map((lang) => (
                  <td key={lang}>
                    <input className={dimension.name[lang]?.trim() ? 'input' : 'input missing'} value={dimension.name[lang] ?? ''} onChange={(e) => edit((d) => updateDimension(d, dimension.id, (x) => ({ ...x, name: { ...x.name, [lang]: e.target.value } })))} />
                  </td>
                ))}
                <td>
                  <input className="input narrow" type="number" min={0} step="any" value={dimension.weight} onChange={(e) => edit((d) => updateDimension(d, dimension.id, (x) => ({ ...x, weight: Number(e.target.value) || 0 })))} />
                </td>
                <td>
                  <button type="button" className="icon-button" aria-label={t('designer.delete')} onClick={() => edit((d) => deleteDimension(d, dimension.id))}>
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="button ghost small" onClick={() => edit((d) => addDimension(d, newId, { [d.defaultLanguage]: t('designer.newDimension') }).definition)}>
          + {t('designer.addDimension')}
        </button>
      </fieldset>

      <LocalizedField label={t('designer.consent')} value={definition.consent.text} languages={langs} multiline required={definition.consent.required} onChange={(text) => update({ consent: { ...definition.consent, text } })} />
      <Toggle label={t('designer.consentRequired')} checked={definition.consent.required} onChange={(required) => update({ consent: { ...definition.consent, required } })} />
      <LocalizedField label={t('designer.thankYou')} value={definition.thankYou} languages={langs} onChange={(thankYou) => update({ thankYou })} />
    </div>
  );
}
