import { describe, expect, it } from 'vitest';
import { InvalidParamsError } from './errors';
import { flattenMessage } from './typed-data-fields';

const one = (type: string, value: unknown) => flattenMessage({ T: [{ name: 'v', type }] }, 'T', { v: value });
const shown = (type: string, value: unknown) => one(type, value)[0]?.value;

describe('flattenMessage — values', () => {
  it('shows integers as decimal strings from number, decimal and hex input', () => {
    expect(shown('uint256', 1000)).toBe('1000');
    expect(shown('uint256', '1000000000000000000000')).toBe('1000000000000000000000');
    expect(shown('uint256', '0x3e8')).toBe('1000');
    expect(shown('uint256', `0x${'0'.repeat(63)}1`)).toBe('1');
    expect(shown('uint256', `0x${'f'.repeat(64)}`)).toBe((2n ** 256n - 1n).toString());
    expect(shown('int8', -128)).toBe('-128');
    expect(shown('int256', '-5')).toBe('-5');
  });

  it.each<[string, unknown, RegExp]>([
    ['uint8', 256, /out of range for uint8/],
    ['uint256', -1, /out of range/],
    ['int8', 128, /out of range for int8/],
    ['uint256', '1e18', /must be an integer/],
    ['uint256', '1.5', /must be an integer/],
    ['uint256', ' 1', /must be an integer/],
    ['uint256', '01', /must be an integer/],
    ['uint256', 2 ** 60, /must be an integer/],
    ['uint256', true, /must be an integer/],
    ['uint256', '9'.repeat(81), /must be an integer/],
    ['bool', 'false', /must be true or false/],
    ['bool', 0, /must be true or false/],
    ['bool', undefined, /must be true or false/],
    ['string', 42, /must be a string/],
    ['bytes', '0x123', /must be 0x-hex bytes/],
    ['bytes', 'hello', /must be 0x-hex bytes/],
    ['bytes4', '0x0102', /must be 4 bytes/],
    ['address', '0x1234', /20-byte address/],
    ['address[]', 'x', /must be an array/],
    ['address[1]', [], /exactly 1 items/],
  ])('refuses %s = %j', (type, value, message) => {
    expect(() => one(type, value)).toThrow(InvalidParamsError);
    expect(() => one(type, value)).toThrow(message);
  });

  it('shows bools, strings and bytes', () => {
    expect(shown('bool', true)).toBe('true');
    expect(shown('bool', false)).toBe('false');
    expect(shown('string', '')).toBe('');
    expect(shown('bytes', '0x')).toBe('0x');
    expect(shown('bytes', '0xDEADbeef')).toBe('0xdeadbeef');
    expect(shown('bytes32', `0x${'AB'.repeat(32)}`)).toBe(`0x${'ab'.repeat(32)}`);
  });
});

describe('flattenMessage — structure', () => {
  const types = {
    Order: [
      { name: 'items', type: 'Item[]' },
      { name: 'grid', type: 'uint8[2][]' },
      { name: 'note', type: 'string' },
    ],
    Item: [
      { name: 'to', type: 'address' },
      { name: 'amount', type: 'uint256' },
    ],
  };
  const to = '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB';

  it('recurses into structs and arrays with indexed paths and depths', () => {
    const rows = flattenMessage(types, 'Order', {
      items: [{ to: to.toLowerCase(), amount: '7' }],
      grid: [[1, 2]],
      note: 'hi',
      ignored: 'extra fields are not signed and not shown',
    });
    expect(rows.map((r) => `${r.depth} ${r.path} (${r.label}: ${r.type}) = ${r.value}`)).toEqual([
      '0 items (items: Item[]) = 1 item',
      '1 items[0] (items[0]: Item) = ',
      `2 items[0].to (to: address) = ${to}`,
      '2 items[0].amount (amount: uint256) = 7',
      '0 grid (grid: uint8[2][]) = 1 item',
      '1 grid[0] (grid[0]: uint8[2]) = 2 items',
      '2 grid[0][0] (grid[0][0]: uint8) = 1',
      '2 grid[0][1] (grid[0][1]: uint8) = 2',
      '0 note (note: string) = hi',
    ]);
  });

  it('shows an empty array as a heading with 0 items', () => {
    expect(flattenMessage(types, 'Order', { items: [], grid: [], note: '' })[0]).toEqual({
      path: 'items',
      label: 'items',
      type: 'Item[]',
      value: '0 items',
      depth: 0,
    });
  });

  it('names the failing path', () => {
    expect(() => flattenMessage(types, 'Order', { items: [{ to, amount: -1 }], grid: [], note: '' })).toThrow(
      'Invalid typed data: items[0].amount is out of range for uint256',
    );
    expect(() => flattenMessage(types, 'Order', { items: [null], grid: [], note: '' })).toThrow(/items\[0\] must be an object for Item/);
  });

  it('does not read inherited properties as fields', () => {
    const t = { T: [{ name: 'toString', type: 'string' }] };
    expect(() => flattenMessage(t, 'T', {})).toThrow(/toString must be a string/);
  });
});
