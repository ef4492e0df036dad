import { resolve } from 'node:path';
import { AbiCoder, getAddress, Interface, type InterfaceAbi } from 'ethers';
import { anvilRpc, ANVIL_ACCOUNTS, waitReceipt } from './anvil-rpc';
import { ROOT } from './paths';

/**
 * The ERC-20 TEST FIXTURES (test/fixtures/contracts/*.sol), compiled at test time with solc-js
 * (scripts/solc-fixtures.mjs) and deployed on the local anvil by one of its unlocked dev
 * accounts. Nothing here is shipped or deployed anywhere else.
 */
interface Compiled {
  abi: InterfaceAbi;
  bytecode: string;
  deployedBytecode: string;
}

interface SolcFixtures {
  compileFixtureContracts(files: string[]): Promise<Record<string, Compiled>>;
  installMulticall3(url: string): Promise<void>;
}

const solcFixtures = async () => (await import(resolve(ROOT, 'scripts/solc-fixtures.mjs'))) as SolcFixtures;

export async function compileFixtures(): Promise<Record<string, Compiled>> {
  return (await solcFixtures()).compileFixtureContracts(['TestToken.sol', 'RevertingToken.sol']);
}

/** The Multicall3 TEST FIXTURE (test/fixtures/contracts/Multicall3.sol) at its canonical address on a local anvil. */
export async function installMulticall3(url: string): Promise<void> {
  await (await solcFixtures()).installMulticall3(url);
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
  const { bytecode } = (await compileFixtures())['TestToken']!;
  const args = AbiCoder.defaultAbiCoder().encode(['string', 'string', 'uint8', 'uint256', 'address'], [spec.name, spec.symbol, spec.decimals, spec.supply, spec.holder]);
  return deploy(url, bytecode + args.slice(2), from);
}

/** A contract that reverts on every call (not a token at all). */
export async function deployRevertingToken(url: string, from: string = ANVIL_ACCOUNTS[9].address): Promise<string> {
  return deploy(url, (await compileFixtures())['RevertingToken']!.bytecode, from);
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
