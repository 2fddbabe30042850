// Replaced by the sampling work (issue #8); kept only so the screen compiles meanwhile.
export function SamplingPanel() {
  return <div data-testid="sampling-panel" />;
}
