import { useEffect, useState } from 'react';
import type { ApprovalBody } from '../../shared/approvals';
import { useT } from '../i18n';
import type { SetDecision } from './ApprovalBodyView';
import { SecurityTip } from '../components/SecurityTip';

type Body = Extract<ApprovalBody, { kind: 'connect' }>;

export function ConnectBody({ body, setDecision }: { body: Body; setDecision: SetDecision }) {
  const t = useT();
  const btc = body.chain === 'btc';
  const [chosen, setChosen] = useState<number[]>(btc ? body.preselected.slice(0, 1) : body.preselected);
  useEffect(() => setDecision(() => (chosen.length ? { approve: true, accounts: chosen } : null)), [chosen, setDecision]);
  return (
    <>
      <h1>{t('approval.connect.title')}</h1>
      <p>{t('approval.connect.intro')}</p>
      <SecurityTip id="first_connect" />
      {btc && <p data-testid="connect-chain-btc">{t('approval.connect.btcIntro')}</p>}
      <fieldset className="stack">
        <legend>{t(btc ? 'approval.connect.btcAccount' : 'approval.connect.accounts')}</legend>
        {body.accounts.map((a) => (
          <label key={a.index} className="row">
            <input
              type={btc ? 'radio' : 'checkbox'}
              name={btc ? 'btc-account' : undefined}
              data-testid={`connect-account-${a.index}`}
              checked={chosen.includes(a.index)}
              onChange={(e) => setChosen(btc ? [a.index] : e.target.checked ? [...chosen, a.index] : chosen.filter((i) => i !== a.index))}
            />
            <span>
              {a.name} <code className="muted">{a.address}</code>
              {a.taproot && (
                <>
                  {' '}
                  <code className="muted">{a.taproot}</code>
                </>
              )}
            </span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
