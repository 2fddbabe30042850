/**
 * Keys for exchange packages. On the manager's machine: make the key pair (private key protected
 * by a passphrase), show its fingerprint, save the public key file for the field laptops. On a
 * field laptop: import the manager's public key file (a recipient), or remove it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PUBLIC_KEY_EXTENSION, type RecipientKeyInfo } from '../../../../shared/sync';
import { useSyncKeysStore } from '../../stores/syncKeys';
import {
  acceptedPassphrase,
  PassphraseFields,
  type PassphraseDraft,
} from '../sync/packages/PassphraseFields';
import { formatTime } from '../sync/packages/format';
import '../sync/packages/packages.css';

// One array for "none", so the selector returns the same value on every render.
const NO_RECIPIENTS: RecipientKeyInfo[] = [];

/** A fingerprint in two lines of eight groups, so it reads aloud group by group. */
function Fingerprint({ value }: { value: string }) {
  const groups = value.split(' ');
  const half = Math.ceil(groups.length / 2);
  return (
    <span className="keys-fingerprint">
      <span>{groups.slice(0, half).join(' ')}</span> <span>{groups.slice(half).join(' ')}</span>
    </span>
  );
}

function CreateKeyPair({ replace, onDone }: { replace: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useSyncKeysStore((s) => s.createKeyPair);
  const [name, setName] = useState('');
  const [draft, setDraft] = useState<PassphraseDraft>({ value: '', repeat: '' });
  const [busy, setBusy] = useState(false);
  const passphrase = acceptedPassphrase(draft);
  return (
    <form
      data-testid="create-key-pair"
      onSubmit={(e) => {
        e.preventDefault();
        if (!passphrase || !name.trim()) return;
        setBusy(true);
        void create(name.trim(), passphrase, replace).then((ok) => {
          setBusy(false);
          if (ok) onDone();
        });
      }}
    >
      {replace && (
        <p className="package-warning" role="alert">
          {t('syncUi.keys.replaceWarning')}
        </p>
      )}
      <label className="field">
        <span className="field-label">{t('syncUi.keys.name')}</span>
        <input
          className="input"
          data-field="key-name"
          maxLength={100}
          placeholder={t('syncUi.keys.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <PassphraseFields
        draft={draft}
        onChange={setDraft}
        label={t('syncUi.keys.passphrase')}
        repeatLabel={t('syncUi.keys.repeat')}
        field="key-passphrase"
        disabled={busy}
      />
      <p className="muted small">{t('syncUi.keys.keep')}</p>
      <div className="actions">
        <button
          type="submit"
          className="button"
          data-action="create-key-pair"
          disabled={busy || !passphrase || !name.trim()}
        >
          {replace ? t('syncUi.keys.confirmReplace') : t('syncUi.keys.create')}
        </button>
        <button type="button" className="button ghost" onClick={onDone}>
          {t('syncUi.keys.cancel')}
        </button>
      </div>
    </form>
  );
}

function OwnKey() {
  const { t, i18n } = useTranslation();
  const keys = useSyncKeysStore((s) => s.keys);
  const savedPath = useSyncKeysStore((s) => s.publicKeyPath);
  const exportPublicKey = useSyncKeysStore((s) => s.exportPublicKey);
  const [replacing, setReplacing] = useState(false);
  const [creating, setCreating] = useState(false);
  const own = keys?.own;
  if (!own) {
    // Field laptops never need a key pair: the form stays closed until asked for.
    return (
      <>
        <p className="muted" data-testid="no-key-pair">
          {t('syncUi.keys.none')}
        </p>
        {creating ? (
          <CreateKeyPair replace={false} onDone={() => setCreating(false)} />
        ) : (
          <div className="actions">
            <button
              type="button"
              className="button secondary"
              data-action="start-key-pair"
              onClick={() => setCreating(true)}
            >
              {t('syncUi.keys.startCreate')}
            </button>
          </div>
        )}
      </>
    );
  }
  if (replacing) return <CreateKeyPair replace onDone={() => setReplacing(false)} />;
  return (
    <div data-testid="own-key">
      <dl className="facts">
        <dt>{t('syncUi.keys.name')}</dt>
        <dd>{own.name}</dd>
        <dt>{t('syncUi.keys.fingerprint')}</dt>
        <dd data-testid="key-fingerprint">
          <Fingerprint value={own.fingerprint} />
        </dd>
        <dt>{t('syncUi.keys.createdAt')}</dt>
        <dd>{formatTime(own.createdAt, i18n.language)}</dd>
        {keys.keychainAvailable && (
          <>
            <dt>{t('syncUi.keys.keychain')}</dt>
            <dd>{own.inKeychain ? t('syncUi.keys.keychainYes') : t('syncUi.keys.keychainNo')}</dd>
          </>
        )}
      </dl>
      <p className="muted small">{t('syncUi.keys.fingerprintHelp')}</p>
      <div className="actions">
        <button
          type="button"
          className="button"
          data-action="export-public-key"
          onClick={() => void exportPublicKey()}
        >
          {t('syncUi.keys.exportPublic')}
        </button>
        <button
          type="button"
          className="button ghost"
          data-action="replace-key-pair"
          onClick={() => setReplacing(true)}
        >
          {t('syncUi.keys.replace')}
        </button>
      </div>
      {savedPath && (
        <div className="keys-saved" role="status" data-testid="public-key-saved">
          <span>{t('syncUi.keys.savedTo')}</span>
          <span className="path" data-testid="public-key-path">
            {savedPath}
          </span>
        </div>
      )}
    </div>
  );
}

function Recipients() {
  const { t, i18n } = useTranslation();
  const recipients = useSyncKeysStore((s) => s.keys?.recipients ?? NO_RECIPIENTS);
  const importKey = useSyncKeysStore((s) => s.importRecipientKey);
  const removeKey = useSyncKeysStore((s) => s.removeRecipientKey);
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="keys-recipients" data-testid="recipient-keys">
      <h3>{t('syncUi.keys.recipients')}</h3>
      <p className="muted small">{t('syncUi.keys.recipientsHelp')}</p>
      {recipients.length === 0 ? (
        <p className="muted" data-testid="no-recipients">
          {t('syncUi.keys.noRecipients')}
        </p>
      ) : (
        <ul className="keys-list">
          {recipients.map((recipient) => (
            <li key={recipient.id} data-recipient={recipient.id}>
              <span>
                <strong>{recipient.name}</strong>
                <span className="small" data-testid="recipient-fingerprint">
                  <Fingerprint value={recipient.fingerprint} />
                </span>
                <span className="muted small">
                  {t('syncUi.keys.added', { date: formatTime(recipient.addedAt, i18n.language) })}
                </span>
              </span>
              <button
                type="button"
                className="button secondary danger"
                data-action="remove-recipient"
                onClick={() => void removeKey(recipient.id)}
              >
                {t('syncUi.keys.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          data-action="import-recipient"
          onClick={() => fileInput.current?.click()}
        >
          {t('syncUi.keys.importKey')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept={`.${PUBLIC_KEY_EXTENSION},.pem,.pub`}
          hidden
          data-testid="recipient-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importKey(file);
            e.target.value = '';
          }}
        />
      </div>
    </div>
  );
}

export function KeysPanel() {
  const { t } = useTranslation();
  const keys = useSyncKeysStore((s) => s.keys);
  const load = useSyncKeysStore((s) => s.loadKeys);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="card keys-panel" data-testid="keys-panel">
      <h2>{t('syncUi.keys.title')}</h2>
      <p className="muted small">{t('syncUi.keys.help')}</p>
      {keys ? (
        <>
          <h3>{t('syncUi.keys.own')}</h3>
          <OwnKey />
          <Recipients />
        </>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </section>
  );
}
