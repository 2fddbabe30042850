/**
 * A screen whose capability is split into tabs (customers/sampling, packages/imports): a title,
 * the tab bar and the selected tab's panel. Tab names are texts under `<texts>.tabs.<name>`.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './tabbed-screen.css';

export function TabbedScreen<T extends string>({
  testId,
  title,
  texts,
  tabs,
  render,
}: {
  testId: string;
  title: string;
  /** The i18n namespace holding `tabsLabel` and `tabs.<name>`. */
  texts: string;
  tabs: readonly [T, ...T[]];
  render: (tab: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<T>(tabs[0]);
  return (
    <section className="screen tabbed-screen" data-testid={testId}>
      <header className="tabbed-head">
        <h1>{title}</h1>
        <div className="tabbed-tabs" role="tablist" aria-label={t(`${texts}.tabsLabel`)}>
          {tabs.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              className={tab === name ? 'tabbed-tab selected' : 'tabbed-tab'}
              data-tab={name}
              onClick={() => setTab(name)}
            >
              {t(`${texts}.tabs.${name}`)}
            </button>
          ))}
        </div>
      </header>
      <div className="tabbed-panel" role="tabpanel" data-panel={tab}>
        {render(tab)}
      </div>
    </section>
  );
}
