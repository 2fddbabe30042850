/** Small display helpers of the package screens. */

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A device id shortened for tables (the full id is in the title attribute). */
export function shortDevice(deviceId: string | null): string {
  if (!deviceId) return '—';
  return deviceId.length > 13 ? `${deviceId.slice(0, 8)}…` : deviceId;
}

export function formatTime(iso: string | null, locale: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
}
