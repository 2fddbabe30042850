/** The compact filter bar above the register: every change reloads the first page. */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, FLAG_RULES, RESPONSE_STATUSES } from '../../../../shared/responses';
import { useResponsesStore, type RegisterFilter } from '../../stores/responses';

function Select({
  name,
  label,
  value,
  onChange,
  children,
}: {
  name: keyof RegisterFilter;
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <label className="filter">
      <span className="filter-label">{label}</span>
      <select
        className="input"
        data-filter={name}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('register.filters.all')}</option>
        {children}
      </select>
    </label>
  );
}

/** Typed freely; applied on Enter or when focus leaves (not on every keystroke). Keyed by the applied value. */
function InterviewerFilter({
  applied,
  onApply,
}: {
  applied: string;
  onApply: (value: string) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(applied);
  const apply = () => {
    if (draft.trim() !== applied) onApply(draft.trim());
  };
  return (
    <label className="filter">
      <span className="filter-label">{t('register.filters.interviewer')}</span>
      <input
        className="input"
        data-filter="interviewer"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === 'Enter' && apply()}
      />
    </label>
  );
}

export function FilterBar() {
  const { t } = useTranslation();
  const surveys = useResponsesStore((s) => s.surveys);
  const waves = useResponsesStore((s) => s.waves);
  const filter = useResponsesStore((s) => s.filter);
  const setFilter = useResponsesStore((s) => s.setFilter);
  const resetFilter = useResponsesStore((s) => s.resetFilter);

  const codeOf = new Map(surveys.map((s) => [s.id, s.code]));
  const shownWaves = filter.surveyId ? waves.filter((w) => w.surveyId === filter.surveyId) : waves;
  const active = Object.keys(filter).length > 0;

  return (
    <form
      className="filter-bar"
      aria-label={t('register.filters.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      <Select
        name="surveyId"
        label={t('register.filters.survey')}
        value={filter.surveyId}
        onChange={(v) => setFilter({ surveyId: v })}
      >
        {surveys.map((s) => (
          <option key={s.id} value={s.id}>
            {s.code} · {s.title}
          </option>
        ))}
      </Select>
      <Select
        name="waveId"
        label={t('register.filters.wave')}
        value={filter.waveId}
        onChange={(v) => setFilter({ waveId: v })}
      >
        {shownWaves.map((w) => (
          <option key={w.id} value={w.id}>
            {filter.surveyId ? w.name : `${w.name} · ${codeOf.get(w.surveyId) ?? ''}`}
          </option>
        ))}
      </Select>
      <Select
        name="channel"
        label={t('register.filters.channel')}
        value={filter.channel}
        onChange={(v) => setFilter({ channel: v as RegisterFilter['channel'] })}
      >
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {t(`register.channel.${c}`)}
          </option>
        ))}
      </Select>
      <Select
        name="status"
        label={t('register.filters.status')}
        value={filter.status}
        onChange={(v) => setFilter({ status: v as RegisterFilter['status'] })}
      >
        {RESPONSE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`register.status.${s}`)}
          </option>
        ))}
      </Select>
      <Select
        name="flag"
        label={t('register.filters.flag')}
        value={filter.flag}
        onChange={(v) => setFilter({ flag: v as RegisterFilter['flag'] })}
      >
        <option value="any">{t('register.filters.anyFlag')}</option>
        <option value="none">{t('register.filters.noFlag')}</option>
        {FLAG_RULES.map((rule) => (
          <option key={rule} value={rule}>
            {t(`register.rule.${rule}`)}
          </option>
        ))}
      </Select>
      <InterviewerFilter
        key={filter.interviewer ?? ''}
        applied={filter.interviewer ?? ''}
        onApply={(v) => setFilter({ interviewer: v })}
      />
      <label className="filter date">
        <span className="filter-label">{t('register.filters.from')}</span>
        <input
          className="input"
          type="date"
          data-filter="from"
          value={filter.from ?? ''}
          max={filter.to}
          onChange={(e) => setFilter({ from: e.target.value })}
        />
      </label>
      <label className="filter date">
        <span className="filter-label">{t('register.filters.to')}</span>
        <input
          className="input"
          type="date"
          data-filter="to"
          value={filter.to ?? ''}
          min={filter.from}
          onChange={(e) => setFilter({ to: e.target.value })}
        />
      </label>
      <button
        type="button"
        className="button ghost filter-reset"
        data-action="reset-filters"
        disabled={!active}
        onClick={resetFilter}
      >
        {t('register.filters.reset')}
      </button>
    </form>
  );
}
