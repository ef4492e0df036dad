import { describe, expect, it } from 'vitest';
import { baseType, isAtomicType, reachableTypes, splitArrayType, type TypedDataField } from './eip712-types';
import { InvalidParamsError } from './errors';

describe('isAtomicType', () => {
  it.each(['address', 'bool', 'string', 'bytes', 'bytes1', 'bytes32', 'uint8', 'uint160', 'uint256', 'int8', 'int256'])('%s is atomic', (t) => {
    expect(isAtomicType(t)).toBe(true);
  });
  it.each(['uint', 'int', 'byte', 'bytes0', 'bytes33', 'bytes01', 'uint7', 'uint264', 'uint008', 'int0', 'Address', 'Person', 'uint256[]', ''])(
    '%s is not',
    (t) => {
      expect(isAtomicType(t)).toBe(false);
    },
  );
});

describe('splitArrayType / baseType', () => {
  it('splits off the last dimension', () => {
    expect(splitArrayType('address[]')).toEqual({ element: 'address', length: null });
    expect(splitArrayType('Person[][3]')).toEqual({ element: 'Person[]', length: 3 });
    expect(splitArrayType('uint256[2][]')).toEqual({ element: 'uint256[2]', length: null });
    expect(splitArrayType('Person')).toBeNull();
  });
  it('finds the base type', () => {
    expect(baseType('Person[][3]')).toBe('Person');
    expect(baseType('address')).toBe('address');
  });
});

describe('reachableTypes', () => {
  const map = (o: Record<string, TypedDataField[]>) => new Map(Object.entries(o));
  const types = {
    EIP712Domain: [{ name: 'name', type: 'string' }],
    Mail: [
      { name: 'from', type: 'Person' },
      { name: 'to', type: 'Person[]' },
    ],
    Person: [{ name: 'wallets', type: 'address[2]' }],
    Unused: [{ name: 'x', type: 'Nope' }],
  };

  it('keeps what primaryType reaches, without EIP712Domain', () => {
    expect(reachableTypes(map(types), 'Mail')).toEqual({ Mail: types.Mail, Person: types.Person });
  });

  it('does not validate unreachable types (MetaMask ignores them too)', () => {
    expect(() => reachableTypes(map(types), 'Mail')).not.toThrow();
    expect(() => reachableTypes(map(types), 'Unused')).toThrow(/unknown type "Nope"/);
  });

  it('allows a struct with no fields', () => {
    expect(reachableTypes(map({ Empty: [] }), 'Empty')).toEqual({ Empty: [] });
  });

  it.each<[string, Record<string, TypedDataField[]>, string, RegExp]>([
    ['missing primary type', { A: [] }, 'B', /primaryType "B" is not defined/],
    ['EIP712Domain as primary type', { EIP712Domain: [] }, 'EIP712Domain', /cannot be EIP712Domain/],
    ['bad type name', { 'A B': [] }, 'A B', /not an identifier/],
    ['reserved type name', { A: [], uint256: [] }, 'A', /reserved/],
    ['bad field name', { A: [{ name: '', type: 'bool' }] }, 'A', /not an identifier/],
    ['bad type syntax', { A: [{ name: 'x', type: 'uint256[' }] }, 'A', /invalid type/],
    ['leading zero length', { A: [{ name: 'x', type: 'uint256[01]' }] }, 'A', /invalid type/],
    ['too many dimensions', { A: [{ name: 'x', type: `bool${'[]'.repeat(9)}` }] }, 'A', /invalid type/],
    ['unknown base type', { A: [{ name: 'x', type: 'B[]' }] }, 'A', /unknown type "B"/],
    ['duplicate field', { A: [{ name: 'x', type: 'bool' }, { name: 'x', type: 'bool' }] }, 'A', /duplicate field x in A/],
    ['self reference', { A: [{ name: 'x', type: 'A[]' }] }, 'A', /circular type reference A → A/],
    [
      'indirect cycle',
      { A: [{ name: 'b', type: 'B' }], B: [{ name: 'c', type: 'C' }], C: [{ name: 'b', type: 'B' }] },
      'A',
      /circular type reference A → B → C → B/,
    ],
  ])('refuses %s', (_name, t, primary, message) => {
    expect(() => reachableTypes(map(t), primary)).toThrow(InvalidParamsError);
    expect(() => reachableTypes(map(t), primary)).toThrow(message);
  });

  it('allows a diamond (shared sub-struct, no cycle)', () => {
    const t = { A: [{ name: 'b', type: 'B' }, { name: 'c', type: 'C' }], B: [{ name: 'd', type: 'D' }], C: [{ name: 'd', type: 'D' }], D: [] };
    expect(Object.keys(reachableTypes(map(t), 'A')).sort()).toEqual(['A', 'B', 'C', 'D']);
  });
});
