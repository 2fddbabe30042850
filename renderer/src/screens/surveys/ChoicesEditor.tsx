import { useTranslation } from 'react-i18next';
import { CHOICE_VALUE, textIn, type Choice, type Dimension, type LocalizedText, type MatrixItem, type SurveyLanguage } from '../../../../shared/questionnaire/model';
import { newId } from '../../stores/designer';
import { languageName } from './fields';

function move<T>(list: T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (target < 0 || target >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item!);
  return next;
}

function nextValue(choices: Choice[]): string {
  const numbers = choices.map((c) => Number(c.value)).filter(Number.isInteger);
  return String(numbers.length ? Math.max(...numbers) + 1 : choices.length + 1);
}

export function ChoicesEditor({ choices, languages, allowFlags, allowExclusive, onChange }: {
  choices: Choice[];
  languages: SurveyLanguage[];
  allowFlags: boolean;
  allowExclusive: boolean;
  onChange: (choices: Choice[]) => void;
}) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<Choice>) => onChange(choices.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <fieldset className="field choices-editor" data-field="choices">
      <legend>{t('designer.choices')}</legend>
      <table className="grid-table">
        <thead>
          <tr>
            <th>{t('designer.code')}</th>
            {languages.map((lang) => (
              <th key={lang}>{languageName(lang)}</th>
            ))}
            {allowFlags && <th>{t('designer.other')}</th>}
            {allowExclusive && <th>{t('designer.exclusive')}</th>}
            <th />
          </tr>
        </thead>
        <tbody>
          {choices.map((choice, index) => (
            <tr key={index}>
              <td>
                <input className={CHOICE_VALUE.test(choice.value) ? 'input mono code' : 'input mono code invalid'} value={choice.value} aria-label={t('designer.code')} onChange={(e) => set(index, { value: e.target.value.trim() })} />
              </td>
              {languages.map((lang) => (
                <td key={lang}>
                  <input className={choice.label[lang]?.trim() ? 'input' : 'input missing'} lang={lang} value={choice.label[lang] ?? ''} aria-label={`${languageName(lang)} ${choice.value}`} onChange={(e) => set(index, { label: { ...choice.label, [lang]: e.target.value } })} />
                </td>
              ))}
              {allowFlags && (
                <td className="center">
                  <input type="checkbox" checked={choice.other} aria-label={t('designer.other')} onChange={(e) => set(index, { other: e.target.checked })} />
                </td>
              )}
              {allowExclusive && (
                <td className="center">
                  <input type="checkbox" checked={choice.exclusive} aria-label={t('designer.exclusive')} onChange={(e) => set(index, { exclusive: e.target.checked })} />
                </td>
              )}
              <td className="row-actions">
                <button type="button" className="icon-button" aria-label={t('designer.moveUp')} onClick={() => onChange(move(choices, index, -1))}>
                  ↑
                </button>
                <button type="button" className="icon-button" aria-label={t('designer.moveDown')} onClick={() => onChange(move(choices, index, 1))}>
                  ↓
                </button>
                <button type="button" className="icon-button" aria-label={t('designer.delete')} onClick={() => onChange(choices.filter((_, i) => i !== index))}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button ghost small" data-action="add-choice" onClick={() => onChange([...choices, { value: nextValue(choices), label: {}, other: false, exclusive: false }])}>
        + {t('designer.addChoice')}
      </button>
    </fieldset>
  );
}

export function ScaleLabelsEditor({ points, labels, languages, onChange }: {
  points: number;
  labels: LocalizedText[];
  languages: SurveyLanguage[];
  onChange: (labels: LocalizedText[]) => void;
}) {
  const { t } = useTranslation();
  const rows = Array.from({ length: points }, (_, i) => labels[i] ?? {});
  return (
    <fieldset className="field">
      <legend>{t('designer.pointLabels')}</legend>
      <table className="grid-table">
        <tbody>
          {rows.map((label, index) => (
            <tr key={index}>
              <th className="num">{index + 1}</th>
              {languages.map((lang) => (
                <td key={lang}>
                  <input className="input" lang={lang} value={label[lang] ?? ''} aria-label={`${index + 1} ${languageName(lang)}`} onChange={(e) => onChange(rows.map((l, i) => (i === index ? { ...l, [lang]: e.target.value } : l)))} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

export function MatrixItemsEditor({ items, languages, dimensions, lang, onChange }: {
  items: MatrixItem[];
  languages: SurveyLanguage[];
  dimensions: Dimension[];
  lang: SurveyLanguage;
  onChange: (items: MatrixItem[]) => void;
}) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<MatrixItem>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <fieldset className="field">
      <legend>{t('designer.items')}</legend>
      <table className="grid-table">
        <thead>
          <tr>
            <th>{t('designer.variable')}</th>
            {languages.map((l) => (
              <th key={l}>{languageName(l)}</th>
            ))}
            <th>{t('designer.dimension')}</th>
            <th>{t('designer.reverseShort')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr key={item.id}>
              <td>
                <input className="input mono code" value={item.name} onChange={(e) => set(index, { name: e.target.value.trim() })} />
              </td>
              {languages.map((l) => (
                <td key={l}>
                  <input className={item.label[l]?.trim() ? 'input' : 'input missing'} value={item.label[l] ?? ''} onChange={(e) => set(index, { label: { ...item.label, [l]: e.target.value } })} />
                </td>
              ))}
              <td>
                <select className="input" value={item.dimension ?? ''} onChange={(e) => set(index, { dimension: e.target.value || null })}>
                  <option value="">—</option>
                  {dimensions.map((d) => (
                    <option key={d.id} value={d.id}>
                      {textIn(d.name, lang)}
                    </option>
                  ))}
                </select>
              </td>
              <td className="center">
                <input type="checkbox" checked={item.reverse} onChange={(e) => set(index, { reverse: e.target.checked })} />
              </td>
              <td className="row-actions">
                <button type="button" className="icon-button" aria-label={t('designer.moveUp')} onClick={() => onChange(move(items, index, -1))}>
                  ↑
                </button>
                <button type="button" className="icon-button" aria-label={t('designer.delete')} onClick={() => onChange(items.filter((_, i) => i !== index))}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button ghost small" onClick={() => onChange([...items, { id: newId(), name: `item_${items.length + 1}`, label: {}, reverse: false, dimension: null }])}>
        + {t('designer.addItem')}
      </button>
    </fieldset>
  );
}
