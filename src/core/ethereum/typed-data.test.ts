import { SigningKey, Wallet, keccak256, toUtf8Bytes } from 'ethers';
import { describe, expect, it } from 'vitest';
import { InvalidParamsError } from './errors';
import { parseTypedData } from './typed-data';
import {
  MAIL,
  MAIL_ARRAYS,
  MAIL_ARRAYS_HASH,
  MAIL_ARRAYS_SIGNATURE,
  MAIL_HASH,
  MAIL_SIGNATURE,
  MAX_UINT160,
  USDC,
  DAI,
  WETH,
  MAX_UINT256,
  daiPermit,
  eip2612Permit,
  permitBatch,
  permitSingle,
  permitTransferFrom,
} from './test-vectors';

const COW_KEY = keccak256(toUtf8Bytes('cow'));
type LooseMail = Omit<typeof MAIL, 'domain'> & { domain: Record<string, unknown> };
const clone = <T>(x: T): T => structuredClone(x);

function rejects(data: unknown, message: RegExp | string, chainId = 1n): void {
  expect(() => parseTypedData(data, chainId)).toThrow(InvalidParamsError);
  expect(() => parseTypedData(data, chainId)).toThrow(message);
}

describe('parseTypedData — EIP-712 spec Mail example', () => {
  it('hashes to the Example.js digest', () => {
    expect(parseTypedData(MAIL, 1n).hash).toBe(MAIL_HASH);
  });

  it('signs to the Example.js signature with keccak256("cow")', () => {
    const sig = new SigningKey(COW_KEY).sign(parseTypedData(MAIL, 1n).hash);
    expect({ v: sig.v, r: sig.r, s: sig.s }).toEqual(MAIL_SIGNATURE);
  });

  it('accepts the same request as a JSON string', () => {
    expect(parseTypedData(JSON.stringify(MAIL), 1n).hash).toBe(MAIL_HASH);
  });

  it('returns the normalised parts', () => {
    const parsed = parseTypedData(MAIL, 1n);
    expect(parsed.primaryType).toBe('Mail');
    expect(parsed.domain).toEqual({
      name: 'Ether Mail',
      version: '1',
      chainId: 1n,
      verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC',
    });
    expect(Object.keys(parsed.types).sort()).toEqual(['Mail', 'Person']);
    expect(parsed.message).toEqual(MAIL.message);
  });

  it('flattens the message for display', () => {
    expect(parseTypedData(MAIL, 1n).fields).toEqual([
      { path: 'from', label: 'from', type: 'Person', value: '', depth: 0 },
      { path: 'from.name', label: 'name', type: 'string', value: 'Cow', depth: 1 },
      { path: 'from.wallet', label: 'wallet', type: 'address', value: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826', depth: 1 },
      { path: 'to', label: 'to', type: 'Person', value: '', depth: 0 },
      { path: 'to.name', label: 'name', type: 'string', value: 'Bob', depth: 1 },
      { path: 'to.wallet', label: 'wallet', type: 'address', value: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB', depth: 1 },
      { path: 'contents', label: 'contents', type: 'string', value: 'Hello, Bob!', depth: 0 },
    ]);
  });

  it('produces the same signature as ethers Wallet.signTypedData on the returned parts', async () => {
    const parsed = parseTypedData(MAIL_ARRAYS, 1n);
    const viaEthers = await new Wallet(COW_KEY).signTypedData(parsed.domain, parsed.types, parsed.message);
    expect(viaEthers).toBe(new SigningKey(COW_KEY).sign(parsed.hash).serialized);
  });
});

describe('parseTypedData — nested arrays (eth-sig-util signedTypeData_v4)', () => {
  it('hashes and signs to the eth-sig-util vectors', () => {
    const parsed = parseTypedData(MAIL_ARRAYS, 1n);
    expect(parsed.hash).toBe(MAIL_ARRAYS_HASH);
    expect(new SigningKey(COW_KEY).sign(parsed.hash).serialized).toBe(MAIL_ARRAYS_SIGNATURE);
  });

  it('drops the unused Group type (ethers would refuse it)', () => {
    expect(Object.keys(parseTypedData(MAIL_ARRAYS, 1n).types).sort()).toEqual(['Mail', 'Person']);
  });

  it('indexes array elements in paths', () => {
    const fields = parseTypedData(MAIL_ARRAYS, 1n).fields;
    expect(fields.map((f) => [f.path, f.label, f.type, f.value, f.depth])).toEqual([
      ['from', 'from', 'Person', '', 0],
      ['from.name', 'name', 'string', 'Cow', 1],
      ['from.wallets', 'wallets', 'address[]', '2 items', 1],
      ['from.wallets[0]', 'wallets[0]', 'address', '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826', 2],
      ['from.wallets[1]', 'wallets[1]', 'address', '0xDeaDbeefdEAdbeefdEadbEEFdeadbeEFdEaDbeeF', 2],
      ['to', 'to', 'Person[]', '1 item', 0],
      ['to[0]', 'to[0]', 'Person', '', 1],
      ['to[0].name', 'name', 'string', 'Bob', 2],
      ['to[0].wallets', 'wallets', 'address[]', '3 items', 2],
      ['to[0].wallets[0]', 'wallets[0]', 'address', '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB', 3],
      ['to[0].wallets[1]', 'wallets[1]', 'address', '0xB0BdaBea57B0BDABeA57b0bdABEA57b0BDabEa57', 3],
      ['to[0].wallets[2]', 'wallets[2]', 'address', '0xB0B0b0b0b0b0B000000000000000000000000000', 3],
      ['contents', 'contents', 'string', 'Hello, Bob!', 0],
    ]);
  });

  it('checksums lower-case addresses for display without changing the hash', () => {
    const data = clone(MAIL_ARRAYS);
    data.message.from.wallets = data.message.from.wallets.map((w) => w.toLowerCase());
    const parsed = parseTypedData(data, 1n);
    expect(parsed.hash).toBe(MAIL_ARRAYS_HASH);
    expect(parsed.fields.find((f) => f.path === 'from.wallets[1]')?.value).toBe('0xDeaDbeefdEAdbeefdEadbEEFdeadbeEFdEaDbeeF');
  });
});

describe('parseTypedData — Uniswap Permit2 SDK vectors', () => {
  // Uniswap/permit2-sdk src/allowanceTransfer.test.ts and signatureTransfer.test.ts:
  // all-zero permits, Permit2 at the zero address, chain 1.
  const Z = '0x0000000000000000000000000000000000000000';
  const zero = { token: Z, amount: '0' };
  const witness = {
    typeName: 'MockWitness',
    fields: [{ name: 'mock', type: 'uint256' }],
    value: { mock: `0x${'0'.repeat(64)}` },
  };
  const single = permitSingle('0', '0', Z);
  single.message = { details: { token: Z, amount: '0', expiration: '0', nonce: 0 }, spender: Z, sigDeadline: '0' };
  const batch = permitBatch([{ token: Z, amount: '0', expiration: '0' }], Z);
  batch.message.spender = Z;
  batch.message.sigDeadline = '0';
  const transfer = (p: typeof zero | (typeof zero)[], w?: typeof witness) => {
    const data = permitTransferFrom(p, { verifyingContract: Z, deadline: '0', ...(w ? { witness: w } : {}) });
    data.message.spender = Z;
    return data;
  };

  it.each<[string, unknown, string]>([
    ['PermitSingle', single, '0xd47437bffdbc4d123a2165feb6ca646b8700c038622ce304f84e9048bc744f36'],
    ['PermitBatch', batch, '0x49642ada5f77eb9458f8265eb01fed2684c2f25d50534fea3efdf2cf395deb2f'],
    ['PermitTransferFrom', transfer(zero), '0xb9bf9813799d7f0de28d2142b0bc80ec289d4a6a5b9f41834149df4188804dc5'],
    ['PermitWitnessTransferFrom', transfer(zero, witness), '0x4236a4a7b3e8e65dbb4cc758ef10dc4887e2959853fb615140d0f5e0ae7be7c9'],
    ['PermitBatchTransferFrom', transfer([zero]), '0x5ba40c5ba725fec181e4a862c717adf91682b012ad01ea99a978189106d66923'],
    ['PermitBatchWitnessTransferFrom', transfer([zero], witness), '0xb45d605b0a4d4f16930a4f48294d94c78f34411278fd3133626cc190273e3ccf'],
  ])('%s', (_name, data, hash) => {
    expect(parseTypedData(data, 1n).hash).toBe(hash);
  });
});

describe('parseTypedData — permits, cross-checked with MetaMask', () => {
  // Digests computed once with @metamask/eth-sig-util 8.2.0
  // TypedDataUtils.eip712Hash(data, V4) (MetaMask's signer) and pinned here.
  it.each<[string, unknown, string]>([
    ['EIP-2612 unlimited', eip2612Permit(), '0xf37574d329b387adc98d8a9f9158812b697a333b715297c7f3b5545546e77894'],
    ['EIP-2612 small', eip2612Permit('1000000', '0'), '0xd065ec2ae14e1a7f9dfff48c4c5dde76c3583b00744ea92a0b8dfebbdafd5196'],
    ['DAI allowed', daiPermit(), '0x56cd1caa6f7f8ea3329f62e783f8bd6e291151774201e7dbd0a4e91f9402eae7'],
    ['DAI revoke', daiPermit(false, 1893456000), '0xab4daf1638e776de51de8d4d03c848bf6c1e8d57b697b68f74f01eb4bea25d13'],
    ['PermitSingle', permitSingle(), '0x26d5c58e4d94037b4bc1176e57e33464aecba1460501fd94e8ab3f99389ba450'],
    [
      'PermitBatch',
      permitBatch([
        { token: USDC, amount: MAX_UINT160, expiration: '0' },
        { token: WETH, amount: '5', expiration: '123' },
      ]),
      '0xf555188a8c7311b4e9b79cbf62f48b9164dd50a811dbafbdf50f6f22141306a0',
    ],
    ['PermitTransferFrom', permitTransferFrom({ token: USDC, amount: '100' }), '0xb19b02ffbe76381e4ad47177f6f6b676c10c6257172a143423ca16623a452e39'],
    [
      'PermitBatchTransferFrom',
      permitTransferFrom([
        { token: USDC, amount: '100' },
        { token: DAI, amount: MAX_UINT256 },
      ]),
      '0x59cc613e443cd9b68a96f4b4bd6f3cc97506522702d7a610a4ab0d34f429e0d4',
    ],
  ])('%s', (_name, data, hash) => {
    expect(parseTypedData(data, 1n).hash).toBe(hash);
  });
});

describe('parseTypedData — domain chainId', () => {
  const withChainId = (chainId: unknown) => ({ ...clone(MAIL), domain: { ...MAIL.domain, chainId } });

  it.each<[string, unknown]>([
    ['number', 1],
    ['decimal string', '1'],
    ['hex string', '0x1'],
  ])('accepts a %s', (_name, chainId) => {
    const parsed = parseTypedData(withChainId(chainId), 1n);
    expect(parsed.hash).toBe(MAIL_HASH);
    expect(parsed.domain.chainId).toBe(1n);
  });

  it('accepts Base as number, decimal and hex alike', () => {
    const hashes = [8453, '8453', '0x2105'].map((id) => parseTypedData(withChainId(id), 8453n).hash);
    expect(new Set(hashes).size).toBe(1);
  });

  it('refuses a different chain', () => {
    rejects(MAIL, /^chainId 1 does not match the current chain 31337$/, 31337n);
    rejects(withChainId('0x2105'), 'chainId 8453 does not match the current chain 1');
  });

  it.each<[string, unknown]>([
    ['trailing junk', '8453abc'],
    ['empty string', ''],
    ['bare 0x', '0x'],
    ['float', 1.5],
    ['negative', -1],
    ['zero', 0],
    ['boolean', true],
    ['object', { id: 1 }],
  ])('refuses a malformed chainId (%s)', (_name, chainId) => {
    rejects(withChainId(chainId), /Invalid chainId/);
  });

  it('checks a chainId even when EIP712Domain does not declare it, and then does not sign it', () => {
    const data = clone(MAIL);
    data.types.EIP712Domain = data.types.EIP712Domain.filter((f) => f.name !== 'chainId');
    rejects(data, 'does not match the current chain 5', 5n);
    const parsed = parseTypedData(data, 1n);
    expect(parsed.domain.chainId).toBeUndefined();
    expect(parsed.hash).not.toBe(MAIL_HASH);
  });

  it('allows a domain without chainId', () => {
    const data = clone(MAIL) as { domain: Record<string, unknown>; types: Record<string, unknown[]> };
    delete data.domain.chainId;
    delete data.types.EIP712Domain;
    expect(parseTypedData(data, 31337n).domain.chainId).toBeUndefined();
  });
});

describe('parseTypedData — domain and EIP712Domain', () => {
  it('hashes the same without a declared EIP712Domain (ethers derives it)', () => {
    const data = clone(MAIL) as { types: Record<string, unknown> };
    delete data.types.EIP712Domain;
    expect(parseTypedData(data, 1n).hash).toBe(MAIL_HASH);
  });

  it('drops domain keys that are not declared, as they are not signed', () => {
    const data = clone(MAIL) as LooseMail;
    data.domain.httpOrigin = 'https://ether-mail.eth';
    data.domain.salt = `0x${'11'.repeat(32)}`;
    const parsed = parseTypedData(data, 1n);
    expect(parsed.hash).toBe(MAIL_HASH);
    expect(parsed.domain).not.toHaveProperty('salt');
  });

  it('signs a declared salt', () => {
    const data = clone(MAIL) as LooseMail;
    data.types.EIP712Domain = [...data.types.EIP712Domain, { name: 'salt', type: 'bytes32' }];
    data.domain.salt = `0x${'AB'.repeat(32)}`;
    const parsed = parseTypedData(data, 1n);
    expect(parsed.domain.salt).toBe(`0x${'ab'.repeat(32)}`);
    expect(parsed.hash).not.toBe(MAIL_HASH);
  });

  it.each<[string, (d: LooseMail) => void, RegExp]>([
    [
      'a non-standard field (the old draft httpOrigin)',
      (d) => {
        d.types.EIP712Domain.splice(3, 0, { name: 'httpOrigin', type: 'string' });
        d.domain.httpOrigin = 'https://ether-mail.eth';
      },
      /EIP712Domain field "httpOrigin" is not supported/,
    ],
    ['a non-canonical order', (d) => d.types.EIP712Domain.reverse(), /must be in the order/],
    ['a wrong field type', (d) => (d.types.EIP712Domain[2] = { name: 'chainId', type: 'uint64' }), /chainId must have type uint256/],
    ['a declared field missing from the domain', (d) => delete d.domain.version, /domain.version is missing/],
    ['a non-string name', (d) => (d.domain.name = 42), /domain.name must be a string/],
    ['a bad verifyingContract', (d) => (d.domain.verifyingContract = '0x1234'), /verifyingContract must be a 0x-prefixed 20-byte address/],
    [
      'a verifyingContract with a bad checksum',
      (d) => (d.domain.verifyingContract = '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccc'),
      /verifyingContract has an invalid address checksum/,
    ],
  ])('refuses %s', (_name, mutate, message) => {
    const data = clone(MAIL) as LooseMail;
    mutate(data);
    rejects(data, message);
  });
});

describe('parseTypedData — rejections', () => {
  type Loose = Record<string, unknown> & { types: Record<string, { name: string; type: string }[]>; message: Record<string, unknown> };
  const mail = () => clone(MAIL) as unknown as Loose;

  it.each<[string, () => unknown, RegExp]>([
    ['invalid JSON', () => '{"types":', /not valid JSON/],
    ['a non-object', () => 42, /Invalid typed data/],
    ['null', () => null, /Invalid typed data/],
    [
      'missing primaryType',
      () => {
        const d = mail();
        delete d.primaryType;
        return d;
      },
      /primaryType/,
    ],
    ['primaryType not in types', () => ({ ...mail(), primaryType: 'Letter' }), /primaryType "Letter" is not defined/],
    ['primaryType inherited from Object.prototype', () => ({ ...mail(), primaryType: 'toString' }), /primaryType "toString" is not defined/],
    ['primaryType EIP712Domain', () => ({ ...mail(), primaryType: 'EIP712Domain' }), /primaryType cannot be EIP712Domain/],
    ['missing types', () => ({ ...mail(), types: undefined }), /types/],
    ['types as an array', () => ({ ...mail(), types: [] }), /types/],
    ['a field without type', () => ({ ...mail(), types: { ...mail().types, Mail: [{ name: 'x' }] } }), /type/],
    ['message as an array', () => ({ ...mail(), message: [] }), /message must be an object/],
    ['domain as a string', () => ({ ...mail(), domain: 'Ether Mail' }), /domain/],
    [
      'an unknown type',
      () => {
        const d = mail();
        d.types.Mail![2] = { name: 'contents', type: 'Text' };
        return d;
      },
      /unknown type "Text" in Mail.contents/,
    ],
    [
      'bare uint (ethers would silently hash it as uint256)',
      () => {
        const d = mail();
        d.types.Person![1] = { name: 'wallet', type: 'uint' };
        return d;
      },
      /unknown type "uint"/,
    ],
    [
      'a field name that is not an identifier (type-string injection)',
      () => {
        const d = mail();
        d.types.Person![0] = { name: 'name,address wallet', type: 'string' };
        return d;
      },
      /is not an identifier/,
    ],
    [
      'a type name that is not an identifier',
      () => {
        const d = mail();
        d.types['Mail(string x)'] = [];
        return d;
      },
      /type name "Mail\(string x\)" is not an identifier/,
    ],
    [
      'a struct named like an atomic type',
      () => {
        const d = mail();
        d.types.address = [{ name: 'x', type: 'uint256' }];
        return d;
      },
      /reserved/,
    ],
    [
      'a duplicate field',
      () => {
        const d = mail();
        d.types.Person!.push({ name: 'name', type: 'string' });
        return d;
      },
      /duplicate field name in Person/,
    ],
    [
      'a recursive type',
      () => {
        const d = mail();
        d.types.Person!.push({ name: 'friend', type: 'Mail' });
        return d;
      },
      /circular/,
    ],
    [
      'EIP712Domain used as a field type',
      () => {
        const d = mail();
        d.types.Mail!.push({ name: 'd', type: 'EIP712Domain' });
        return d;
      },
      /cannot use EIP712Domain/,
    ],
    [
      'a missing message field',
      () => {
        const d = mail();
        delete d.message.contents;
        return d;
      },
      /contents must be a string/,
    ],
    [
      'a struct given as a string',
      () => {
        const d = mail();
        d.message.from = 'Cow';
        return d;
      },
      /from must be an object for Person/,
    ],
    [
      'an address with a bad checksum',
      () => {
        const d = mail();
        d.message.to = { name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbb' };
        return d;
      },
      /to.wallet has an invalid address checksum/,
    ],
    [
      'an ENS name where an address is expected',
      () => {
        const d = mail();
        d.message.to = { name: 'Bob', wallet: 'bob.eth' };
        return d;
      },
      /to.wallet must be a 0x-prefixed 20-byte address/,
    ],
  ])('refuses %s', (_name, make, message) => {
    rejects(make(), message);
  });

  it('refuses a fixed-size array of the wrong length', () => {
    const d = clone(MAIL_ARRAYS);
    d.types.Person[1] = { name: 'wallets', type: 'address[3]' };
    rejects(d, /from.wallets must have exactly 3 items/);
  });
});
