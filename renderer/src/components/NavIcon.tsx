import type { Screen } from '../stores/app';

/** Simple line icons drawn inline (no icon font, no emoji font needed, CSP-safe). */
const PATHS: Record<Screen, string> = {
  surveys: 'M6 3h9l4 4v14H6z M15 3v4h4 M9 11h7 M9 15h7',
  customers: 'M9 11a3.5 3.5 0 1 0 0-7a3.5 3.5 0 1 0 0 7 M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6 M16 4.5a3.5 3.5 0 0 1 0 6.5 M18 14c2 .8 3 3 3 6',
  fieldwork: 'M4 6h16v12H4z M8 18v2 M16 18v2 M8 10h3 M8 13h8',
  responses: 'M5 4h14v16H5z M8 8h8 M8 12h8 M8 16h5',
  analysis: 'M4 20h16 M7 20v-6 M12 20V8 M17 20v-9',
  reports: 'M6 3h12v18H6z M9 8h6 M9 12h6 M9 16h3',
  improvement: 'M4 12a8 8 0 0 1 14-5 M20 12a8 8 0 0 1-14 5 M18 3v4h-4 M6 21v-4h4',
  sync: 'M4 9h13l-3-3 M20 15H7l3 3',
  settings:
    'M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8 M12 2v3 M12 19v3 M2 12h3 M19 12h3 M5 5l2 2 M17 17l2 2 M5 19l2-2 M17 7l2-2',
};

export function NavIcon({ screen }: { screen: Screen }) {
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      <path
        d={PATHS[screen]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
