import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SCREENS, useAppStore } from '../stores/app';
import { NavIcon } from './NavIcon';

/** Main navigation; Alt+1..9 jumps to a screen from anywhere. */
export function Sidebar() {
  const { t } = useTranslation();
  const screen = useAppStore((s) => s.screen);
  const go = useAppStore((s) => s.go);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number(event.key) - 1;
      const target = SCREENS[index];
      if (target) {
        event.preventDefault();
        go(target);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  return (
    <nav className="sidebar" aria-label="SurveyDesk">
      <div className="brand">
        <span className="brand-mark">SD</span>
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <ul>
        {SCREENS.map((name, index) => (
          <li key={name}>
            <button
              type="button"
              className={name === screen ? 'nav-item active' : 'nav-item'}
              aria-current={name === screen ? 'page' : undefined}
              title={`Alt+${index + 1}`}
              data-screen={name}
              onClick={() => go(name)}
            >
              <NavIcon screen={name} />
              <span className="nav-label">{t(`nav.${name}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
