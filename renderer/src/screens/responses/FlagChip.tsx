/** Quality flags and statuses as coloured chips; a flag's reason shows on hover (and in the detail panel). */
import { useTranslation } from 'react-i18next';
import type { QualityFlag, ResponseStatus } from '../../../../shared/responses';
import { flagReason } from './format';

export function FlagChip({ flag }: { flag: QualityFlag }) {
  const { t } = useTranslation();
  const decision = flag.override ? (flag.override.keep ? 'kept' : 'excluded') : 'open';
  const reason = flagReason(flag, t);
  const title = flag.override
    ? `${reason} (${t(`register.${decision}`)}: ${flag.override.by})`
    : reason;
  return (
    <span
      className={`chip flag flag-${flag.rule} ${decision}`}
      title={title}
      data-flag={flag.rule}
      data-decision={decision}
    >
      {decision === 'kept' && <span aria-hidden="true">✓ </span>}
      {decision === 'excluded' && <span aria-hidden="true">✕ </span>}
      {t(`register.rule.${flag.rule}`)}
    </span>
  );
}

export function FlagChips({ flags }: { flags: QualityFlag[] }) {
  return (
    <span className="flag-chips">
      {flags.map((flag) => (
        <FlagChip key={flag.rule} flag={flag} />
      ))}
    </span>
  );
}

export function StatusChip({ status }: { status: ResponseStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`chip status-chip status-${status}`} data-status={status}>
      {t(`register.status.${status}`)}
    </span>
  );
}
