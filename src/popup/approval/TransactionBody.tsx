import { useEffect, useId, useState } from 'react';
import type { ApprovalBody, TxFees } from '../../shared/approvals';
import { formatDisplay, formatUnits, parseUnits } from '../../shared/units';
import { FormError } from '../components/FormError';
import { useT } from '../i18n';
import type { SetDecision } from './ApprovalBodyView';
import { Field } from './Field';

type Body = Extract<ApprovalBody, { kind: 'transaction' }>;
const GWEI = 9;
/** Less gas than the simplest transfer needs can never be mined (the background refuses it too). */
const MIN_GAS = 21_000n;

interface FeeForm {
  gas: string;
  nonce: string;
  maxFee: string;
  priority: string;
  gasPrice: string;
}

const gwei = (wei?: string) => (wei === undefined ? '' : formatUnits(wei, GWEI));

/** The edited form as fees, or null when a field is not a valid number. */
function toFees(f: FeeForm, eip1559: boolean): TxFees | null {
  if (!/^\d+$/.test(f.gas.trim()) || !/^\d+$/.test(f.nonce.trim())) return null;
  const nonce = Number(f.nonce);
  if (!Number.isSafeInteger(nonce)) return null;
  const gas = BigInt(f.gas.trim());
  if (gas < MIN_GAS) return null;
  const base = { gas: gas.toString(), nonce };
  if (eip1559) {
    const max = parseUnits(f.maxFee, GWEI);
    const prio = parseUnits(f.priority, GWEI);
    if (max === null || prio === null || prio > max) return null;
    return { ...base, maxFeePerGas: max.toString(), maxPriorityFeePerGas: prio.toString() };
  }
  const price = parseUnits(f.gasPrice, GWEI);
  return price === null ? null : { ...base, gasPrice: price.toString() };
}

export function TransactionBody({ body, setDecision }: { body: Body; setDecision: SetDecision }) {
  const t = useT();
  const id = useId();
  const eip1559 = body.fees.maxFeePerGas !== undefined;
  const [form, setForm] = useState<FeeForm>({
    gas: body.fees.gas,
    nonce: String(body.fees.nonce),
    maxFee: gwei(body.fees.maxFeePerGas),
    priority: gwei(body.fees.maxPriorityFeePerGas),
    gasPrice: gwei(body.fees.gasPrice),
  });
  const fees = toFees(form, eip1559);
  useEffect(() => setDecision(() => (fees ? { approve: true, fees } : null)), [fees, setDecision]);
  const total = fees ? BigInt(body.value) + BigInt(fees.gas) * BigInt(fees.maxFeePerGas ?? fees.gasPrice ?? '0') : null;
  const sym = body.nativeSymbol;

  const input = (key: keyof FeeForm, label: string) => (
    <div className="stack">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} data-testid={`tx-${key}-input`} inputMode="decimal" value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </div>
  );

  return (
    <>
      <h1>{t('approval.tx.title')}</h1>
      <dl className="fields">
        <Field label={t('approval.tx.network')}>{body.networkName}</Field>
        <Field label={t('approval.tx.from')}>
          <code>{body.from}</code>
        </Field>
        <Field label={t('approval.tx.to')} testid="tx-to">
          {body.to ? <code>{body.to}</code> : t('approval.tx.contractCreation')}
        </Field>
        <Field label={t('approval.tx.value')} testid="tx-value">
          {formatUnits(body.value, 18)} {sym}
        </Field>
        {body.decoded && (
          <Field label={t('approval.tx.call')} testid="tx-call">
            <span data-call={body.decoded.name}>{body.decoded.name}</span>
            <ul className="args">
              {body.decoded.args.map((a) => {
                // The token amount in the token's own units (raw units only when they are unknown).
                const amount = body.decoded?.amount?.arg === a.name ? body.decoded.amount : undefined;
                const words = amount?.unlimited
                  ? t('approval.tx.unlimited')
                  : amount?.token
                    ? `${formatUnits(a.value, amount.token.decimals)} ${amount.token.symbol}`
                    : null;
                return (
                  <li key={a.name}>
                    {a.name}:{' '}
                    {words ? (
                      <strong data-testid="tx-call-amount" title={a.value}>
                        {words}
                      </strong>
                    ) : (
                      <code>{a.value}</code>
                    )}
                  </li>
                );
              })}
            </ul>
          </Field>
        )}
        {body.data && !body.decoded && (
          <Field label={t('approval.tx.data')}>
            <code className="data">{body.data.length > 202 ? `${body.data.slice(0, 202)}…` : body.data}</code>
          </Field>
        )}
        <Field label={t('approval.tx.balance')}>
          {formatDisplay(body.balance, 18)} {sym}
        </Field>
      </dl>
      <details>
        <summary>
          {t('approval.tx.total')}:{' '}
          <span data-testid="tx-total">{total === null ? '—' : `${formatUnits(total, 18)} ${sym}`}</span>
        </summary>
        <div className="stack">
          {input('gas', t('approval.tx.gas'))}
          {eip1559 ? (
            <>
              {input('maxFee', t('approval.tx.maxFee'))}
              {input('priority', t('approval.tx.priorityFee'))}
            </>
          ) : (
            input('gasPrice', t('approval.tx.gasPrice'))
          )}
          {input('nonce', t('approval.tx.nonce'))}
        </div>
      </details>
      <FormError message={fees ? null : t('approval.tx.badFee')} />
    </>
  );
}
