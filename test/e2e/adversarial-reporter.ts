import type { Reporter, TestCase, TestModule } from 'vitest/node';

/**
 * Prints the adversarial suite's table (issue 7) at the end of an E2E run: one row per case,
 * from the tests named "[A<n>] …" plus the older tests that already cover a case. Cases that
 * are not applicable yet say so instead of disappearing. Notes (numbers the tests measured,
 * via `annotate`) are listed under the table.
 */

const TITLES: Record<number, string> = {
  1: 'wrong password → growing delay',
  2: 'damaged vault record',
  3: 'worker killed mid vault write',
  4: 'worker stop keeps unlock; restart locks',
  5: 'no secret in the profile dir',
  6: 'no secret in the worker heap after lock',
  7: 'forged responses/events on the channel',
  8: 'tampered page globals',
  9: 'iframe origins / sandboxed iframe',
  10: 'external sendMessage/connect',
  11: 'popup framed by a page / extension',
  12: '500 ms approval click guard',
  13: 'eth_sign; typed-data chainId',
  14: 'Permit/Permit2/approve/setApprovalForAll warnings',
  15: 'addEthereumChain checks',
  16: 'PSBT sighash / foreign inputs',
  17: 'lookalike recipient warning',
  18: 'fuzzer ≥ 10,000 requests',
  19: 'flood of 1,000 requests',
  20: 'worker stopped with approval open',
  21: 'supply chain (eval / install scripts)',
};

/** Cases covered by tests outside the adversarial files: file suffix → exact test name. */
const ELSEWHERE: { case: number; file: string; name: string }[] = [
  { case: 4, file: 'lock.e2e.ts', name: 'stays unlocked and answers after the service worker is stopped' },
  { case: 4, file: 'lock.e2e.ts', name: 'is locked after the browser restarts, and the vault still opens' },
  { case: 9, file: 'dapp-eth.e2e.ts', name: 'refuses requests from a sandboxed iframe and attributes a cross-origin iframe to its own origin' },
  { case: 13, file: 'dapp-eth.e2e.ts', name: 'answers read methods before connect and refuses what it must' },
  { case: 13, file: 'dapp-eth.e2e.ts', name: 'typed data for another chain or with a malformed chainId is -32602, nothing signed' },
  { case: 14, file: 'dapp-eth.e2e.ts', name: 'warns about an unlimited ERC-20 approval naming the spender' },
  { case: 14, file: 'dapp-eth-more.e2e.ts', name: 'an EIP-2612 Permit gets a danger warning naming the spender and the amount' },
  { case: 15, file: 'dapp-eth-more.e2e.ts', name: 'wallet_addEthereumChain: checks the RPC chain id, refuses plain http off this machine, then adds and switches' },
  { case: 20, file: 'dapp-eth.e2e.ts', name: 'restores a pending approval after the service worker is stopped' },
  { case: 20, file: 'dapp-eth.e2e.ts', name: 'closing the approval window rejects with 4001' },
];

const NOT_APPLICABLE: Record<number, string> = {};

interface Row {
  results: string[];
  tests: string[];
  notes: string[];
}

function stateOf(t: TestCase): string {
  const s = t.result().state;
  return s === 'passed' ? 'pass' : s === 'failed' ? 'FAIL' : s;
}

export default class AdversarialReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const rows = new Map<number, Row>();
    const row = (n: number) => rows.get(n) ?? (rows.set(n, { results: [], tests: [], notes: [] }), rows.get(n)!);
    let ours = 0;
    for (const mod of testModules) {
      for (const t of mod.children.allTests()) {
        const m = /^\[A(\d+)\]/.exec(t.name);
        const file = mod.moduleId.split('/').pop() ?? '';
        if (m) {
          ours++;
          const r = row(Number(m[1]));
          r.results.push(stateOf(t));
          r.tests.push(`${file}`);
          for (const a of t.annotations()) r.notes.push(a.message);
          continue;
        }
        for (const e of ELSEWHERE) {
          if (e.name === t.name && mod.moduleId.endsWith(`/${e.file}`)) {
            const r = row(e.case);
            r.results.push(stateOf(t));
            r.tests.push(`${e.file} (existing)`);
          }
        }
      }
    }
    if (ours === 0) return; // not an adversarial run: stay quiet

    const lines: string[] = [];
    const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
    lines.push('', 'Adversarial suite (issue 7)', `${pad('case', 5)}| ${pad('what', 50)}| result`, `${'-'.repeat(5)}|${'-'.repeat(51)}|${'-'.repeat(40)}`);
    const notes: string[] = [];
    for (let n = 1; n <= 21; n++) {
      const r = rows.get(n);
      let result: string;
      const na = NOT_APPLICABLE[n];
      if (na) result = na;
      else if (!r) result = 'not run in this invocation';
      else {
        const worst = r.results.includes('FAIL') ? 'FAIL' : r.results.every((s) => s === 'pass') ? 'pass' : r.results.find((s) => s !== 'pass')!;
        result = `${worst} (${r.results.length} test${r.results.length > 1 ? 's' : ''}: ${[...new Set(r.tests)].join(', ')})`;
        for (const note of r.notes) notes.push(`  A${n}: ${note}`);
      }
      lines.push(`${pad(`A${n}`, 5)}| ${pad(TITLES[n] ?? '', 50)}| ${result}`);
    }
    if (notes.length) lines.push('', 'Measured:', ...notes);
    lines.push('');
    process.stdout.write(lines.join('\n') + '\n');
  }
}
