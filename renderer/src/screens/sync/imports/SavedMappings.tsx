/** Saved column mappings: apply one to the current file, save the current one by name, delete. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportsStore } from '../../../stores/imports';

export function SavedMappings({ store }: { store: ImportsStore }) {
  const { t } = useTranslation();
  const { mappings, mappingName, applyMapping, saveMapping, deleteMapping, preview } = store();
  const [name, setName] = useState('');
  const nameToSave = name.trim() || mappingName;
  return (
    <div className="import-saved" data-testid="saved-mappings">
      <label className="field">
        <span className="field-label">{t('imports.saved.apply')}</span>
        <select
          className="input"
          data-field="saved-mapping"
          value={mappingName}
          disabled={mappings.length === 0}
          onChange={(e) => applyMapping(e.target.value)}
        >
          <option value="">{mappings.length === 0 ? t('imports.saved.none') : '—'}</option>
          {mappings.map((m) => (
            <option key={m.name} value={m.name}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      {mappingName && (
        <button
          type="button"
          className="button ghost small"
          onClick={() => void deleteMapping(mappingName)}
        >
          {t('imports.saved.delete')}
        </button>
      )}
      <label className="field">
        <span className="field-label">{t('imports.saved.name')}</span>
        <input
          className="input"
          data-field="mapping-name"
          value={name}
          maxLength={100}
          placeholder={mappingName || t('imports.saved.namePlaceholder')}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <button
        type="button"
        className="button secondary"
        data-action="save-mapping"
        disabled={!nameToSave || !preview}
        onClick={() => {
          void saveMapping(nameToSave);
          setName('');
        }}
      >
        {t('imports.saved.save')}
      </button>
    </div>
  );
}
