import { useTranslation } from 'react-i18next';
import type { Screen } from '../../stores/app';

/** Says plainly that a screen does not exist yet; lists what is planned. Never a fake screen. */
export function NotBuiltScreen({
  screen,
}: {
  screen: Exclude<
    Screen,
    | 'settings'
    | 'surveys'
    | 'customers'
    | 'sync'
    | 'fieldwork'
    | 'responses'
    | 'analysis'
    | 'reports'
  >;
}) {
  const { t } = useTranslation();
  const name = t(`nav.${screen}`);
  return (
    <section className="screen not-built" data-testid="not-built">
      <h1>{name}</h1>
      <div className="card notice">
        <h2>{t('notBuilt.title', { screen: name })}</h2>
        <p>{t('notBuilt.body')}</p>
        <p className="muted">{t('notBuilt.planned', { what: t(`planned.${screen}`) })}</p>
      </div>
    </section>
  );
}
