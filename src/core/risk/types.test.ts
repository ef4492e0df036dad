import { describe, expect, it } from 'vitest';
import { sortRisks, type RiskWarning } from './types';

describe('sortRisks', () => {
  it('puts dangers first and keeps the order otherwise', () => {
    const w = (id: Pick<RiskWarning, 'kind' | 'text'>, severity: RiskWarning['severity']): RiskWarning => ({ ...id, severity, message: id.kind, params: {} }) as RiskWarning;
    const input = [
      w({ kind: 'large_approval', text: 'approve' }, 'warning'),
      w({ kind: 'lookalike_address', text: 'recipient' }, 'danger'),
      w({ kind: 'contract_no_code', text: 'call' }, 'warning'),
      w({ kind: 'permit', text: 'amount' }, 'danger'),
    ];
    expect(sortRisks(input).map((r) => r.kind)).toEqual(['lookalike_address', 'permit', 'large_approval', 'contract_no_code']);
    expect(input[0]?.kind).toBe('large_approval'); // not mutated
  });
});
