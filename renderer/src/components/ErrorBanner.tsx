import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/app';

/** The last error from any call, in the user's language, until dismissed. */
export function ErrorBanner() {
  const { t } = useTranslation();
  const error = useAppStore((s) => s.error);
  const clear = useAppStore((s) => s.clearError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <div>
        <strong>{t('common.error')}</strong> <span className="error-code">{error.code}</span>
        <p>{error.message}</p>
        {error.issues && error.issues.length > 0 && (
          <ul>
            {error.issues.map((issue) => (
              <li key={issue.path + issue.message}>
                <code>{issue.path}</code>: {issue.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="button ghost" onClick={clear}>
        {t('common.close')}
      </button>
    </div>
  );
}
