import { useT } from '../i18n';
import { navigate } from '../router';

export function Onboarding() {
  const t = useT();
  return (
    <main className="screen" data-testid="onboarding-screen">
      <h1>{t('onboarding.title')}</h1>
      <p>{t('onboarding.subtitle')}</p>
      <div className="stack">
        <button type="button" className="primary" data-testid="onboarding-create" onClick={() => navigate('/create')}>
          {t('onboarding.create')}
        </button>
        <button type="button" data-testid="onboarding-import" onClick={() => navigate('/import')}>
          {t('onboarding.import')}
        </button>
      </div>
    </main>
  );
}
