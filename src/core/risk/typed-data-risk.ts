// Local checks on typed-data signatures that grant token spending without a
// transaction: EIP-2612 / DAI permits (and EIP-4494 NFT permits) and Uniswap
// Permit2. These are the signatures drainers ask for, since the user pays no
// gas and sees no transaction.
import type { ParsedTypedData } from '../ethereum/typed-data';
import type { DisplayField } from '../ethereum/typed-data-fields';
import type { WarningParams } from '../../shared/warnings';
import { amountParam, amountText, expiry, expiryParams, isUnlimited, NO_EXPIRY, THIS_BLOCK, type Expiry } from './amounts';
import { sortRisks, type RiskWarning } from './types';

type Fields = Map<string, DisplayField>;

const ALLOWANCE_TYPES = new Set(['PermitSingle', 'PermitBatch']);
const TRANSFER_TYPES = new Set(['PermitTransferFrom', 'PermitWitnessTransferFrom', 'PermitBatchTransferFrom', 'PermitBatchWitnessTransferFrom']);

function isUint(f: DisplayField | undefined): f is DisplayField {
  return f !== undefined && /^uint\d+$/.test(f.type);
}

function isAddress(f: DisplayField | undefined): f is DisplayField {
  return f?.type === 'address';
}

/** "USD Coin (0xA0b8…)" from the domain, for permits where the token is the verifying contract. */
function domainToken(parsed: ParsedTypedData): string {
  const { name, verifyingContract } = parsed.domain;
  if (name && verifyingContract) return `${name} (${verifyingContract})`;
  return verifyingContract ?? name ?? 'this token';
}

function deadline(f: DisplayField | undefined, nowSeconds: number, zeroMeans?: Expiry): Expiry | null {
  if (!isUint(f)) return null;
  const seconds = BigInt(f.value);
  return seconds === 0n && zeroMeans ? zeroMeans : expiry(seconds, nowSeconds);
}

function withExpiry(params: WarningParams, e: Expiry | null): WarningParams {
  return { ...params, ...expiryParams(e) };
}

/** The token as domainToken() words it: its address and, when the domain has one, its name. */
function tokenParams(parsed: ParsedTypedData): WarningParams {
  const { name, verifyingContract } = parsed.domain;
  return { token: verifyingContract ?? '', ...(name ? { tokenName: name } : {}) };
}

function permitRisks(parsed: ParsedTypedData, fields: Fields, nowSeconds: number): RiskWarning[] {
  const spender = fields.get('spender');
  if (!isAddress(spender)) return [];
  const token = domainToken(parsed);
  const tokenFacts = tokenParams(parsed);
  const value = fields.get('value');
  const allowed = fields.get('allowed');
  const tokenId = fields.get('tokenId');

  if (isUint(value)) {
    // EIP-2612: Permit(owner, spender, value, nonce, deadline)
    const amount = BigInt(value.value);
    if (amount === 0n) return [];
    const until = deadline(fields.get('deadline'), nowSeconds);
    return [
      {
        kind: 'permit',
        text: 'amount',
        severity: isUnlimited(amount, value.type) ? 'danger' : 'warning',
        message: `Signing this permit lets ${spender.value} spend ${amountText(amount, value.type)} of ${token} from your wallet without another confirmation${until ? `; the signature is valid ${until.text}` : ''}.`,
        params: withExpiry({ spender: spender.value, ...tokenFacts, amount: amountParam(amount, value.type) }, until),
      },
    ];
  }
  if (allowed?.type === 'bool') {
    // DAI: Permit(holder, spender, nonce, expiry, allowed) grants MaxUint256 or revokes.
    if (allowed.value !== 'true') return [];
    const until = deadline(fields.get('expiry'), nowSeconds, NO_EXPIRY);
    return [
      {
        kind: 'permit',
        text: 'unlimited',
        severity: 'danger',
        message: `Signing this permit lets ${spender.value} spend an unlimited amount of ${token} from your wallet without another confirmation${until ? `, ${until.text}` : ''}.`,
        params: withExpiry({ spender: spender.value, ...tokenFacts, amount: 'unlimited' }, until),
      },
    ];
  }
  if (isUint(tokenId)) {
    // EIP-4494 (ERC-721 permit): Permit(spender, tokenId, nonce, deadline)
    const until = deadline(fields.get('deadline'), nowSeconds);
    return [
      {
        kind: 'permit',
        text: 'nft',
        severity: 'warning',
        message: `Signing this permit lets ${spender.value} transfer NFT #${tokenId.value} of ${token} without another confirmation${until ? `; the signature is valid ${until.text}` : ''}.`,
        params: withExpiry({ spender: spender.value, ...tokenFacts, tokenId: tokenId.value }, until),
      },
    ];
  }
  return [];
}

/** Paths of a struct field or of each element when it is an array: "details" or "details[0]", "details[1]". */
function entries(fields: Fields, name: string): string[] {
  const head = fields.get(name);
  if (!head) return [];
  if (!head.type.endsWith(']')) return [name];
  const out: string[] = [];
  for (let i = 0; fields.has(`${name}[${i}]`); i++) out.push(`${name}[${i}]`);
  return out;
}

function permit2Risks(parsed: ParsedTypedData, fields: Fields, nowSeconds: number): RiskWarning[] {
  const spender = fields.get('spender');
  if (!isAddress(spender)) return [];
  const allowance = ALLOWANCE_TYPES.has(parsed.primaryType);
  const via = parsed.domain.verifyingContract ? ` through Permit2 (${parsed.domain.verifyingContract})` : ' through Permit2';
  // SignatureTransfer permits are one-shot and bounded by the signature deadline;
  // AllowanceTransfer permits set an allowance with its own expiration.
  const sigDeadline = allowance ? null : deadline(fields.get('deadline'), nowSeconds);
  const risks: RiskWarning[] = [];
  for (const path of entries(fields, allowance ? 'details' : 'permitted')) {
    const token = fields.get(`${path}.token`);
    const amountField = fields.get(`${path}.amount`);
    if (!isAddress(token) || !isUint(amountField)) continue;
    const amount = BigInt(amountField.value);
    if (amount === 0n) continue;
    const until = allowance
      ? deadline(fields.get(`${path}.expiration`), nowSeconds, THIS_BLOCK)
      : sigDeadline;
    const via2 = parsed.domain.verifyingContract ? { permit2: parsed.domain.verifyingContract } : {};
    const params = withExpiry({ spender: spender.value, token: token.value, amount: amountParam(amount, amountField.type), ...via2 }, until);
    const message = allowance
      ? `Signing this lets ${spender.value} spend ${amountText(amount, amountField.type)} of token ${token.value} from your wallet${via}${until ? `, ${until.text}` : ''}.`
      : `Signing this lets ${spender.value} transfer ${amountText(amount, amountField.type)} of token ${token.value} out of your wallet${via}, once${until ? `; the signature is valid ${until.text}` : ''}.`;
    risks.push({ kind: 'permit2', text: allowance ? 'allowance' : 'transfer', severity: isUnlimited(amount, amountField.type) ? 'danger' : 'warning', message, params });
  }
  return risks;
}

export function typedDataRisks(parsed: ParsedTypedData, nowSeconds: number = Math.floor(Date.now() / 1000)): RiskWarning[] {
  const fields: Fields = new Map(parsed.fields.map((f) => [f.path, f]));
  if (parsed.primaryType === 'Permit') return sortRisks(permitRisks(parsed, fields, nowSeconds));
  if (ALLOWANCE_TYPES.has(parsed.primaryType) || TRANSFER_TYPES.has(parsed.primaryType)) {
    return sortRisks(permit2Risks(parsed, fields, nowSeconds));
  }
  return [];
}
