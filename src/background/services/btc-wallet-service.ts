import type { SendInput } from '../../core/bitcoin';
import { hexToBytes } from '../../core/bitcoin/encoding';
import type { AddressStats, EsploraClient, EsploraTx } from '../../core/bitcoin-client';
import type { BtcAddressType, BtcNetworkName } from '../../shared/btc-protocol';
import type { BtcAddressBook, BookAddress } from './btc-address-book';
import type { BtcFrozenStore } from './btc-frozen-store';
import type { BtcNetworkService } from './btc-network-service';
import type { KeyringService } from './keyring-service';

export interface BtcBalance {
  confirmed: bigint;
  unconfirmed: bigint;
  total: bigint;
}

export interface BtcCoin extends SendInput {
  frozen: boolean;
  change: 0 | 1;
}

export interface ScanResult {
  network: BtcNetworkName;
  client: EsploraClient;
  addresses: BookAddress[];
  stats: Map<string, AddressStats>;
}

const MAX_SCAN_ROUNDS = 20;
const zero = (): BtcBalance => ({ confirmed: 0n, unconfirmed: 0n, total: 0n });

/**
 * Reads the account's Bitcoin state from the network's Esplora server: a gap-limit scan of
 * both chains of both address types, then balances, coins and history of the used addresses.
 */
export class BtcWalletService {
  constructor(
    private readonly networks: BtcNetworkService,
    private readonly book: BtcAddressBook,
    private readonly frozen: BtcFrozenStore,
    private readonly keyring: KeyringService,
  ) {}

  clientFor(network?: BtcNetworkName): Promise<{ network: BtcNetworkName; client: EsploraClient }> {
    return this.networks.client(network);
  }

  /** Stats of every address in the gap window; grows the window while new used addresses turn up. */
  async scan(account: number, network?: BtcNetworkName): Promise<ScanResult> {
    const { network: net, client } = await this.networks.client(network);
    const stats = new Map<string, AddressStats>();
    let addresses: BookAddress[] = [];
    for (let round = 0; round < MAX_SCAN_ROUNDS; round++) {
      // Deriving needs the keyring; while locked, a connected site's balance uses what is known.
      addresses = this.keyring.unlocked ? await this.book.ensureGap(net, account) : await this.book.addresses(net, account);
      const todo = addresses.filter((a) => !stats.has(a.address));
      const answers = await Promise.all(todo.map((a) => client.addressStats(a.address)));
      todo.forEach((a, i) => stats.set(a.address, answers[i]!));
      const used = addresses.filter((a) => (stats.get(a.address)?.txCount ?? 0) > 0);
      if (!(await this.book.markUsed(net, account, used)) || !this.keyring.unlocked) break;
    }
    return { network: net, client, addresses, stats };
  }

  async balance(account: number, network?: BtcNetworkName): Promise<{ network: BtcNetworkName; total: BtcBalance; byType: Record<BtcAddressType, BtcBalance> }> {
    const scan = await this.scan(account, network);
    const total = zero();
    const byType: Record<BtcAddressType, BtcBalance> = { p2wpkh: zero(), p2tr: zero() };
    for (const a of scan.addresses) {
      const s = scan.stats.get(a.address);
      if (!s) continue;
      for (const b of [total, byType[a.type]]) {
        b.confirmed += s.confirmed;
        b.unconfirmed += s.unconfirmed;
        b.total += s.total;
      }
    }
    return { network: scan.network, total, byType };
  }

  /** Unspent coins of the account (both types), with the key data signing needs. */
  async coins(account: number, network?: BtcNetworkName, scanned?: ScanResult): Promise<{ network: BtcNetworkName; coins: BtcCoin[] }> {
    const scan = scanned ?? (await this.scan(account, network));
    const frozen = await this.frozen.get(scan.network);
    const funded = scan.addresses.filter((a) => {
      const s = scan.stats.get(a.address);
      return s && (s.total > 0n || s.mempool.fundedTxoCount > 0);
    });
    const lists = await Promise.all(funded.map((a) => scan.client.utxos(a.address)));
    const coins: BtcCoin[] = [];
    funded.forEach((a, i) => {
      for (const u of lists[i]!) {
        coins.push({
          txid: u.txid,
          vout: u.vout,
          value: u.value,
          address: a.address,
          confirmed: u.status.confirmed,
          scriptType: a.type,
          path: { purpose: a.type === 'p2wpkh' ? 84 : 86, change: a.change, index: a.index },
          publicKey: hexToBytes(a.publicKey),
          frozen: frozen.has(`${u.txid}:${u.vout}`),
          change: a.change,
        });
      }
    });
    return { network: scan.network, coins };
  }

  /** Transactions touching the account's used addresses, newest first (one Esplora page each). */
  async history(account: number, network?: BtcNetworkName, scanned?: ScanResult): Promise<{ network: BtcNetworkName; own: Set<string>; txs: EsploraTx[] }> {
    const scan = scanned ?? (await this.scan(account, network));
    const used = scan.addresses.filter((a) => (scan.stats.get(a.address)?.txCount ?? 0) > 0);
    const pages = await Promise.all(used.map((a) => scan.client.addressTxs(a.address)));
    const byId = new Map<string, EsploraTx>();
    for (const page of pages) for (const tx of page) byId.set(tx.txid, tx);
    const txs = [...byId.values()].sort((a, b) => {
      if (a.status.confirmed !== b.status.confirmed) return a.status.confirmed ? 1 : -1;
      return a.status.confirmed && b.status.confirmed ? b.status.blockHeight - a.status.blockHeight : 0;
    });
    return { network: scan.network, own: new Set(scan.addresses.map((a) => a.address)), txs };
  }
}
