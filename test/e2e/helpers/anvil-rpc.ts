/** JSON-RPC straight to the local anvil (not through the wallet); node errors throw. */
export async function anvilRpc<T = unknown>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  const body = (await r.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

export interface Receipt {
  status: string;
  contractAddress: string | null;
  logs: { address: string; topics: string[]; data: string }[];
}

/** Polls for a receipt (anvil automines by default: usually the first answer). */
export async function waitReceipt(url: string, hash: string, timeoutMs = 10_000): Promise<Receipt> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await anvilRpc<Receipt | null>(url, 'eth_getTransactionReceipt', [hash]);
    if (r) return r;
    if (Date.now() > deadline) throw new Error(`no receipt for ${hash} within ${timeoutMs} ms`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** anvil's well-known dev accounts (public test keys; funded with 10000 ETH on every fresh anvil). */
export const ANVIL_ACCOUNTS = {
  0: { address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', key: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80' },
  1: { address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' },
  9: { address: '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720' },
} as const;
