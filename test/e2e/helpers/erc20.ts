import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AbiCoder, getAddress, Interface, type InterfaceAbi } from 'ethers';
import solcModule from 'solc';
import { anvilRpc, ANVIL_ACCOUNTS, waitReceipt } from './anvil-rpc';
import { ROOT } from './paths';

/**
 * The ERC-20 TEST FIXTURES (test/fixtures/contracts/*.sol), compiled at test time with solc-js
 * (the Solidity compiler as WASM, a devDependency) and deployed on the local anvil by one of its
 * unlocked dev accounts. Nothing here is shipped or deployed anywhere else.
 */
const CONTRACTS = resolve(ROOT, 'test/fixtures/contracts');
// solc's own typings say `any`; this is the one call used (standard JSON in, standard JSON out).
const solc = solcModule as unknown as { compile(input: string): string; version(): string };

interface Compiled {
  abi: InterfaceAbi;
  bytecode: string;
}

let compiled: Record<string, Compiled> | null = null;

export function compileFixtures(): Record<string, Compiled> {
  if (compiled) return compiled;
  const files = ['TestToken.sol', 'RevertingToken.sol'];
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(files.map((f) => [f, { content: readFileSync(resolve(CONTRACTS, f), 'utf8') }])),
    settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun', outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } },
  };
  const out = JSON.parse(solc.compile(JSON.stringify(input))) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts: Record<string, Record<string, { abi: InterfaceAbi; evm: { bytecode: { object: string } } }>>;
  };
  const errors = (out.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(`solc: ${errors.map((e) => e.formattedMessage).join('\n')}`);
  compiled = {};
  for (const file of Object.values(out.contracts)) for (const [name, c] of Object.entries(file)) compiled[name] = { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` };
  return compiled;
}

async function deploy(url: string, data: string, from: string): Promise<string> {
  const hash = await anvilRpc<string>(url, 'eth_sendTransaction', [{ from, data, gas: '0x2dc6c0' }]);
  const receipt = await waitReceipt(url, hash);
  if (receipt.status !== '0x1' || !receipt.contractAddress) throw new Error(`deploy failed: ${JSON.stringify(receipt)}`);
  return receipt.contractAddress;
}

export interface TokenSpec {
  name: string;
  symbol: string;
  decimals: number;
  /** base units */
  supply: bigint;
  holder: string;
}

/** Deploys TestToken (supply to `holder`) from anvil account 9, so the wallet's own nonce is untouched. */
export async function deployTestToken(url: string, spec: TokenSpec, from: string = ANVIL_ACCOUNTS[9].address): Promise<string> {
  const { bytecode } = compileFixtures()['TestToken']!;
  const args = AbiCoder.defaultAbiCoder().encode(['string', 'string', 'uint8', 'uint256', 'address'], [spec.name, spec.symbol, spec.decimals, spec.supply, spec.holder]);
  return deploy(url, bytecode + args.slice(2), from);
}

/** A contract that reverts on every call (not a token at all). */
export async function deployRevertingToken(url: string, from: string = ANVIL_ACCOUNTS[9].address): Promise<string> {
  return deploy(url, compileFixtures()['RevertingToken']!.bytecode, from);
}

const erc20 = new Interface(['function transfer(address to, uint256 value) returns (bool)', 'function balanceOf(address) view returns (uint256)', 'event Transfer(address indexed from, address indexed to, uint256 value)']);

/** token.transfer(to, amount) sent by an unlocked anvil account; returns the tx hash once mined. */
export async function transferToken(url: string, token: string, from: string, to: string, amount: bigint): Promise<string> {
  const hash = await anvilRpc<string>(url, 'eth_sendTransaction', [{ from, to: token, data: erc20.encodeFunctionData('transfer', [to, amount]) }]);
  const r = await waitReceipt(url, hash);
  if (r.status !== '0x1') throw new Error('transfer reverted');
  return hash;
}

export async function balanceOf(url: string, token: string, owner: string): Promise<bigint> {
  return BigInt(await anvilRpc<string>(url, 'eth_call', [{ to: token, data: erc20.encodeFunctionData('balanceOf', [owner]) }, 'latest']));
}

/** The Transfer events a mined transaction emitted, decoded. */
export async function transfersIn(url: string, txHash: string): Promise<{ token: string; from: string; to: string; value: bigint }[]> {
  const r = await waitReceipt(url, txHash);
  return r.logs.flatMap((l) => {
    const parsed = erc20.parseLog(l);
    return parsed?.name === 'Transfer' ? [{ token: getAddress(l.address), from: parsed.args[0] as string, to: parsed.args[1] as string, value: parsed.args[2] as bigint }] : [];
  });
}
