/**
 * Tokens listed by default on the built-in networks (DESIGN §6): the main dollar stablecoins and
 * wrapped ether where the address is well established. Addresses are EIP-55 checksummed and were
 * checked against their issuers' or the chains' own lists:
 * - USDC: Circle's "USDC contract addresses" (native USDC, not bridged USDC.e), including Sepolia;
 * - USDT, DAI, WETH on Ethereum, OP Mainnet and Base: the Superchain token list
 *   (ethereum-optimism.github.io data/<SYMBOL>/data.json);
 * - Arbitrum One and Polygon: the tokens' Arbitrum/Polygon bridge deployments as listed by
 *   Chainlink CCIP and Uniswap's default token list.
 * Base has no Tether-issued USDT and Sepolia no single agreed WETH, so neither is listed. Localhost
 * 8545 and custom networks list nothing. The user can hide any of these (TokenStore).
 */
export interface DefaultToken {
  address: string;
  symbol: string;
  decimals: number;
}

const usdc = (address: string): DefaultToken => ({ address, symbol: 'USDC', decimals: 6 });
const usdt = (address: string): DefaultToken => ({ address, symbol: 'USDT', decimals: 6 });
const dai = (address: string): DefaultToken => ({ address, symbol: 'DAI', decimals: 18 });
const weth = (address: string): DefaultToken => ({ address, symbol: 'WETH', decimals: 18 });
const OP_STACK_WETH = '0x4200000000000000000000000000000000000006';
const L2_DAI = '0xDA10009cBd5D07dd0CeCc66161FC93D7c9000da1';

export const DEFAULT_TOKENS: Readonly<Record<number, readonly DefaultToken[]>> = {
  1: [usdc('0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'), usdt('0xdAC17F958D2ee523a2206206994597C13D831ec7'), dai('0x6B175474E89094C44Da98b954EedeAC495271d0F'), weth('0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2')],
  8453: [usdc('0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913'), dai('0x50c5725949A6F0c72E6C4a641F24049A917DB0Cb'), weth(OP_STACK_WETH)],
  10: [usdc('0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85'), usdt('0x94b008aA00579c1307B0EF2c499aD98a8ce58e58'), dai(L2_DAI), weth(OP_STACK_WETH)],
  42161: [usdc('0xaf88d065e77c8cC2239327C5EDb3A432268e5831'), usdt('0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9'), dai(L2_DAI), weth('0x82aF49447D8a07e3bd95BD0d56f35241523fBab1')],
  137: [usdc('0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359'), usdt('0xc2132D05D31c914a87C6611C10748AEb04B58e8F'), dai('0x8f3Cf7ad23Cd3CaDbD9735AFf958023239c6A063'), weth('0x7ceB23fD6bC0adD59E62ac25578270cFf1b9f619')],
  11155111: [usdc('0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238')],
};

export function defaultTokens(chainId: number): readonly DefaultToken[] {
  return DEFAULT_TOKENS[chainId] ?? [];
}
