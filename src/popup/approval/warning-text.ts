import type { WarningView } from '../../shared/approvals';
import type { WarningParams } from '../../shared/warnings';
import { formatUnits } from '../../shared/units';
import type { MessageKey, Translate } from '../i18n';
import { en } from '../i18n/en';

/** The i18n key of a warning's sentence. */
export const warningKey = (w: Pick<WarningView, 'kind' | 'text'>): string => `warning.${w.kind}.${w.text}`;

/** The facts, worded as the sentences' placeholders expect them (amounts, deadlines, token names). */
function vars(t: Translate, p: WarningParams): Record<string, string> {
  // A token's own units when the approval knows the token (its symbol is then named beside it).
  const amount =
    p.amount === undefined
      ? ''
      : p.amount === 'unlimited'
        ? t('warning.part.unlimited')
        : p.symbol && p.decimals
          ? formatUnits(p.amount, Number(p.decimals))
          : t('warning.part.rawUnits', { n: p.amount });
  const until = p.expiry ? t(`warning.until.${p.expiry}`, { date: (p.expires ?? '').slice(0, 10) }) : '';
  const tokenLabel = p.tokenName && p.token ? t('warning.part.tokenAt', { name: p.tokenName, address: p.token }) : p.token || p.tokenName || t('warning.part.thisToken');
  const units = (x: string | undefined) => (x === undefined ? '' : formatUnits(x, Number(p.decimals ?? '0')));
  return {
    ...(p as Record<string, string>),
    amount,
    until,
    validity: until ? t('warning.part.validity', { until }) : '',
    commaUntil: until ? t('warning.part.commaUntil', { until }) : '',
    tokenLabel,
    tokenNamed: p.symbol && p.token ? t('warning.part.tokenAt', { name: p.symbol, address: p.token }) : (p.token ?? ''),
    permit2: p.permit2 ? t('warning.part.permit2At', { address: p.permit2 }) : t('warning.part.permit2'),
    value: p.decimals ? units(p.value) : (p.value ?? ''),
    balance: units(p.balance),
    inputs: (p.inputs ?? '')
      .split(',')
      .filter(Boolean)
      .map((i) => `#${i}`)
      .join(', '),
  };
}

/**
 * A warning in the user's language, from its kind, variant and facts. The English `message`
 * is the fallback for a warning this popup has no sentence for (one stored by another version).
 */
export function warningText(t: Translate, w: WarningView): string {
  const key = warningKey(w);
  if (!(key in en) || !w.params) return w.message;
  return t(key as MessageKey, vars(t, w.params));
}
