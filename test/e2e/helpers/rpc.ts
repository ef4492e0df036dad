import type { Page } from 'playwright-core';

type Eth = { request(a: { method: string; params?: unknown }): Promise<unknown> };

/** Calls window.ethereum.request in the page; returns { result } or { error: { code, message } }. */
export async function rpc(page: Page, method: string, params?: unknown): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
  return page.evaluate(
    async ([m, p]) => {
      const eth = (window as unknown as { ethereum: Eth }).ethereum;
      try {
        return { result: await eth.request({ method: m, ...(p === undefined ? {} : { params: p }) }) };
      } catch (e) {
        const err = e as { code: number; message: string };
        return { error: { code: err.code, message: err.message } };
      }
    },
    [method, params] as const,
  );
}
