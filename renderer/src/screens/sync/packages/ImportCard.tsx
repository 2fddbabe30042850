/**
 * Reading a package: pick the file, give a passphrase if it asks for one, see the verification
 * result or the specific reason it was refused. The preview and Apply are in ImportPreview.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PACKAGE_EXTENSION } from '../../../../../shared/sync';
import { useAppStore } from '../../../stores/app';
import { useSyncStore } from '../../../stores/sync';

function PassphrasePrompt() {
  const { t } = useTranslation();
  const importing = useSyncStore((s) => s.importing);
  const unlock = useSyncStore((s) => s.unlock);
  const [passphrase, setPassphrase] = useState('');
  return (
    <form
      className="package-unlock"
      data-testid="package-passphrase"
      data-asks={importing.asks}
      onSubmit={(e) => {
        e.preventDefault();
        if (passphrase) void unlock(passphrase);
      }}
    >
      <p>{importing.asks === 'key' ? t('syncUi.import.askKey') : t('syncUi.import.askPackage')}</p>
      <div className="field-row">
        <label className="field package-grow">
          <span className="field-label">{t('syncUi.import.passphrase')}</span>
          <input
            className={importing.error ? 'input invalid' : 'input'}
            type="password"
            autoComplete="off"
            data-field="import-passphrase"
            autoFocus
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button"
          data-action="unlock-package"
          disabled={!passphrase}
        >
          {t('syncUi.import.unlock')}
        </button>
      </div>
      {importing.error && (
        <p className="field-error" role="alert" data-testid="passphrase-error">
          {importing.error.message}
        </p>
      )}
    </form>
  );
}

export function ImportCard() {
  const { t } = useTranslation();
  const importing = useSyncStore((s) => s.importing);
  const pickPath = useSyncStore((s) => s.pickPackagePath);
  const pickFile = useSyncStore((s) => s.pickPackageFile);
  const desktop = useAppStore((s) => s.info?.runtime === 'electron');
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const applying = importing.run.status === 'starting' || importing.run.status === 'running';

  // The desktop app reads the file by path; a browser page can only send its bytes.
  const choose = () => (desktop ? void pickPath() : fileInput.current?.click());

  return (
    <div
      className={dragging ? 'card package-card dragging' : 'card package-card'}
      data-testid="package-import"
      // A package file dropped on the card is read like a picked one.
      onDragOver={(e) => {
        if (applying || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file && !applying) void pickFile(file);
      }}
    >
      <h2>{t('syncUi.import.title')}</h2>
      <p className="muted small">
        {t('syncUi.import.help')} {t('syncUi.import.drop')}
      </p>
      <div className="actions">
        <button
          type="button"
          className={importing.stage === 'idle' ? 'button' : 'button secondary'}
          data-action="choose-package"
          disabled={importing.stage === 'inspecting' || applying}
          onClick={choose}
        >
          {importing.stage === 'idle' ? t('syncUi.import.choose') : t('syncUi.import.chooseOther')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept={`.${PACKAGE_EXTENSION}`}
          hidden
          data-testid="package-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void pickFile(file);
            e.target.value = '';
          }}
        />
      </div>
      {importing.fileName && importing.stage !== 'idle' && (
        <p className="path" data-testid="package-file-name">
          {importing.fileName}
        </p>
      )}
      {importing.stage === 'inspecting' && (
        <p role="status" className="muted">
          {t('syncUi.import.inspecting', { name: importing.fileName ?? '' })}
        </p>
      )}
      {importing.stage === 'passphrase' && <PassphrasePrompt key={importing.fileName} />}
      {importing.stage === 'rejected' && importing.error && (
        <div
          className="package-rejected"
          role="alert"
          data-testid="package-rejected"
          data-code={importing.error.code}
        >
          <strong>{t('syncUi.import.rejectedTitle')}</strong>
          <p>{importing.error.message}</p>
        </div>
      )}
      {importing.stage === 'preview' && (
        <p className="good" data-testid="package-verified">
          ✓ {t('syncUi.import.verified')}
        </p>
      )}
    </div>
  );
}
