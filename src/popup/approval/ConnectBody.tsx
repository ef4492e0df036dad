import { useEffect, useState } from 'react';
import type { ApprovalBody } from '../../shared/approvals';
import { useT } from '../i18n';
import type { SetDecision } from './ApprovalBodyView';
import { SecurityTip } from '../components/SecurityTip';

type Body = Extract<ApprovalBody, { kind: 'connect' }>;

export function ConnectBody({ body, setDecision }: { body: Body; setDecision: SetDecision }) {
  const t = useT();
  const [chosen, setChosen] = useState<number[]>(body.preselected);
  useEffect(() => setDecision(() => (chosen.length ? { approve: true, accounts: chosen } : null)), [chosen, setDecision]);
  return (
    <>
      <h1>{t('approval.connect.title')}</h1>
      <p>{t('approval.connect.intro')}</p>
      <SecurityTip id="first_connect" />
      <fieldset className="stack">
        <legend>{t('approval.connect.accounts')}</legend>
        {body.accounts.map((a) => (
          <label key={a.index} className="row">
            <input
              type="checkbox"
              data-testid={`connect-account-${a.index}`}
              checked={chosen.includes(a.index)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, a.index] : chosen.filter((i) => i !== a.index))}
            />
            <span>
              {a.name} <code className="muted">{a.address}</code>
            </span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
