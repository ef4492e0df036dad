import { describe, expect, it } from 'vitest';
import { WalletError } from '../../../shared/errors';
import { parseTxRequest } from './tx-params';

const FROM = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const TO = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

describe('eth_sendTransaction params: addresses', () => {
  it('lowercase or checksummed in, EIP-55 out (what the approval shows)', () => {
    expect(parseTxRequest([{ from: FROM.toLowerCase(), to: TO.toLowerCase() }])).toMatchObject({ from: FROM, to: TO });
    expect(parseTxRequest([{ from: FROM, to: TO }])).toMatchObject({ from: FROM, to: TO });
    expect(parseTxRequest([{ from: FROM.toLowerCase(), data: '0x6080' }])).toMatchObject({ from: FROM, to: null });
  });

  it('a mixed-case address with a wrong checksum is -32602 naming the field', () => {
    const bad = `${TO.slice(0, -2)}c8`;
    for (const params of [[{ from: FROM, to: bad }], [{ from: bad, to: TO }]]) {
      let err: unknown;
      try {
        parseTxRequest(params);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(WalletError);
      expect((err as WalletError).code).toBe(-32602);
      expect((err as WalletError).message).toMatch(params[0]!.to === bad ? /to address/ : /from address/);
    }
  });
});
