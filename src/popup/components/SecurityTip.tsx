import { useEffect, useState } from 'react';
import type { TipId } from '../../shared/messages';
import { call } from '../api';
import { useT } from '../i18n';

/** A short lesson at the moment it matters; "Got it" hides it for good. */
export function SecurityTip({ id }: { id: TipId }) {
  const t = useT();
  const [show, setShow] = useState(false);
  useEffect(() => {
    let live = true;
    call('tips_get', {}).then(
      (r) => live && setShow(!r.dismissed.includes(id)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (!show) return null;
  return (
    <aside className="tip" data-testid="security-tip" data-tip={id} role="note" aria-label={t('tips.label')}>
      <strong>{t(`tips.${id}.title`)}</strong>
      <p>{t(`tips.${id}.text`)}</p>
      <button
        type="button"
        className="small"
        data-testid="tip-dismiss"
        onClick={() => {
          setShow(false);
          void call('tips_dismiss', { id });
        }}
      >
        {t('tips.dismiss')}
      </button>
    </aside>
  );
}
