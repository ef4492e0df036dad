import { useEffect, useState } from 'react';
import { call } from '../api';
import { useT } from '../i18n';
import { navigate } from '../router';

/** The home screen's alert when a monthly budget is passed. */
export function BudgetAlert() {
  const t = useT();
  const [over, setOver] = useState<string[]>([]);
  useEffect(() => {
    call('insights_get', {}).then(
      (d) => setOver(d.budgets.filter((b) => b.over).map((b) => b.symbol)),
      () => undefined,
    );
  }, []);
  if (over.length === 0) return null;
  return (
    <p className="warning" role="alert" data-testid="budget-alert">
      {t('insights.alert', { assets: over.join(', ') })}{' '}
      <button type="button" className="link" onClick={() => navigate('/insights')}>
        {t('insights.title')}
      </button>
    </p>
  );
}
