import { describe, expect, it } from 'vitest';
import { sortRisks, type RiskWarning } from './types';

describe('sortRisks', () => {
  it('puts dangers first and keeps the order otherwise', () => {
    const w = (kind: RiskWarning['kind'], severity: RiskWarning['severity']): RiskWarning => ({ kind, severity, message: kind });
    const input = [w('large_approval', 'warning'), w('lookalike_address', 'danger'), w('contract_no_code', 'warning'), w('permit', 'danger')];
    expect(sortRisks(input).map((r) => r.kind)).toEqual(['lookalike_address', 'permit', 'large_approval', 'contract_no_code']);
    expect(input[0]?.kind).toBe('large_approval'); // not mutated
  });
});
