// Replaced by the exchange-package work (issue #7); kept only so the screen compiles meanwhile.
export function PackagesPanel() {
  return <div data-testid="packages-panel" />;
}
