import type { WarningView } from '../../shared/approvals';
import { useT } from '../i18n';
import { warningText } from './warning-text';

export function Warnings({ warnings }: { warnings: WarningView[] }) {
  const t = useT();
  if (warnings.length === 0) return null;
  // The live region wraps the list (role=alert on an <li> would break the list for screen readers).
  return (
    <div role="alert">
      <ul className="warnings" aria-label={t('approval.warning.warning')}>
        {warnings.map((w, i) => (
          <li key={i} className={`warning ${w.severity}`} data-testid="approval-warning" data-kind={w.kind} data-severity={w.severity}>
            <strong>{t('warning.part.severity', { label: t(w.severity === 'danger' ? 'approval.warning.danger' : 'approval.warning.warning') })}</strong>
            {warningText(t, w)}
          </li>
        ))}
      </ul>
    </div>
  );
}
