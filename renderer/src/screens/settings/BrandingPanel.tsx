/**
 * The organisation on report covers and page headers, and at the top of paper cards: its name and
 * a PNG logo, kept in the database's settings so every report made on this machine carries them.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOGO_MAX_BYTES, type Branding } from '../../../../shared/contract';
import { api } from '../../api/client';
import { toBase64 } from '../../api/base64';
import { useAppStore } from '../../stores/app';

async function saveBranding(patch: Partial<Branding>): Promise<boolean> {
  try {
    useAppStore.setState({ settings: await api.settings.update({ branding: patch }) });
    return true;
  } catch (error) {
    useAppStore.getState().showError(error);
    return false;
  }
}

function NameForm({ orgName }: { orgName: string | null }) {
  const { t } = useTranslation();
  const [name, setName] = useState(orgName ?? '');
  const [saved, setSaved] = useState(false);
  return (
    <form
      data-testid="branding-name-form"
      onSubmit={(e) => {
        e.preventDefault();
        void saveBranding({ orgName: name.trim() || null }).then(setSaved);
      }}
    >
      <div className="field-row">
        <label className="field">
          <span className="field-label">{t('settings.branding.orgName')}</span>
          <input
            className="input"
            data-field="org-name"
            maxLength={100}
            value={name}
            placeholder={t('settings.branding.orgNamePlaceholder')}
            onChange={(e) => {
              setName(e.target.value);
              setSaved(false);
            }}
          />
        </label>
      </div>
      <div className="actions">
        <button
          type="submit"
          className="button"
          data-action="save-org-name"
          disabled={name.trim() === (orgName ?? '')}
        >
          {t('settings.branding.saveName')}
        </button>
        {saved && (
          <span className="good" role="status">
            {t('settings.branding.saved')}
          </span>
        )}
      </div>
    </form>
  );
}

function LogoForm({ logo }: { logo: string | null }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<'type' | 'size' | null>(null);
  return (
    <div className="branding-logo" data-testid="branding-logo">
      <span className="field-label">{t('settings.branding.logo')}</span>
      {logo ? (
        <img
          className="branding-logo-preview"
          src={`data:image/png;base64,${logo}`}
          alt={t('settings.branding.logo')}
        />
      ) : (
        <p className="muted">{t('settings.branding.noLogo')}</p>
      )}
      <div className="actions">
        <label className="button secondary">
          {logo ? t('settings.branding.replaceLogo') : t('settings.branding.chooseLogo')}
          <input
            type="file"
            accept="image/png"
            hidden
            data-field="logo-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              if (file.type !== 'image/png') return setProblem('type');
              if (file.size > LOGO_MAX_BYTES) return setProblem('size');
              setProblem(null);
              void file
                .arrayBuffer()
                .then((bytes) => saveBranding({ logoPngBase64: toBase64(bytes) }));
            }}
          />
        </label>
        {logo && (
          <button
            type="button"
            className="button secondary"
            data-action="remove-logo"
            onClick={() => void saveBranding({ logoPngBase64: null })}
          >
            {t('settings.branding.removeLogo')}
          </button>
        )}
      </div>
      {problem && <p className="field-error">{t(`settings.branding.logoProblem.${problem}`)}</p>}
    </div>
  );
}

export function BrandingPanel() {
  const { t } = useTranslation();
  const branding = useAppStore((s) => s.settings?.branding);
  if (!branding) return null;
  return (
    <div className="card" data-testid="branding-panel">
      <h2>{t('settings.branding.title')}</h2>
      <p className="muted">{t('settings.branding.help')}</p>
      <NameForm orgName={branding.orgName} />
      <LogoForm logo={branding.logoPngBase64} />
    </div>
  );
}
