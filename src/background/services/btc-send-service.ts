import { Psbt } from 'bitcoinjs-lib';
import {
  assertFeeRate,
  buildSendPsbt,
  finalizeAndExtract,
  highFeeWarning,
  InsufficientFundsError,
  planReplacement,
  selectCoins,
  sendMax,
  txVsize,
  validateBtcAddress,
  type KeyPath,
  type Recipient,
  type SendInput,
  type Utxo,
} from '../../core/bitcoin';
import { hexToBytes } from '../../core/bitcoin/encoding';
import { btcNetwork } from '../../core/keyring';
import { findLookalike, lookalikeWarning } from '../../core/risk/lookalike';
import type { WarningView } from '../../shared/approvals';
import { btcNetworkInfo } from '../../shared/btc-networks';
import type { BtcAddressType, BtcNetworkName } from '../../shared/btc-protocol';
import type { BtcSendReview } from '../../shared/btc-views';
import { walletError } from '../../shared/errors';
import { warningView } from '../../shared/warnings';
import type { BtcActivityStore } from './btc-activity-store';
import type { BtcAddressBook, BookAddress } from './btc-address-book';
import { withBtcErrors } from './btc-errors';
import type { BtcNetworkService } from './btc-network-service';
import type { BtcQuoteStore, StoredQuote } from './btc-quote-store';
import { signWithAccount, type SignStep } from './btc-signer';
import type { BtcCoin, BtcWalletService } from './btc-wallet-service';
import type { KeyringService } from './keyring-service';

export interface SendRequest {
  account: number;
  to: readonly { address: string; value: bigint | 'max' }[];
  feeRate: number;
  from: BtcAddressType;
  kind: 'send' | 'dapp';
  origin: string | null;
}

const key = (u: { txid: string; vout: number }) => `${u.txid}:${u.vout}`;

/**
 * Bitcoin sends: build and review (coin selection, change to a fresh change address, RBF on),
 * then sign in the background and broadcast exactly the reviewed PSBT. Speed-up and cancel
 * build BIP125 replacements of our own pending sends.
 */
export class BtcSendService {
  constructor(
    private readonly networks: BtcNetworkService,
    private readonly wallet: BtcWalletService,
    private readonly book: BtcAddressBook,
    private readonly keyring: KeyringService,
    private readonly quotes: BtcQuoteStore,
    private readonly activity: BtcActivityStore,
  ) {}

  quote(req: SendRequest): Promise<BtcSendReview> {
    return withBtcErrors(async () => {
      assertFeeRate(req.feeRate);
      const scan = await this.wallet.scan(req.account);
      const network = scan.network;
      if (req.to.length === 0) throw walletError('invalid_address', 'Enter a recipient.');
      for (const r of req.to) {
        const v = validateBtcAddress(r.address, network);
        if (!v.ok) throw walletError('invalid_address', v.reason);
      }
      const { coins } = await this.wallet.coins(req.account, network, scan);
      const mine = coins.filter((c) => c.scriptType === req.from);
      const frozen = new Set(mine.filter((c) => c.frozen).map(key));
      const byKey = new Map(mine.map((c) => [key(c), c]));
      const sendable = (list: readonly Utxo[]) => list.map((u) => byKey.get(key(u))!);

      let inputs: BtcCoin[];
      let recipients: Recipient[];
      let changeValue = 0n;
      if (req.to.length === 1 && req.to[0]!.value === 'max') {
        const max = this.withUnconfirmedFallback(mine, (minConfirmations) => sendMax({ utxos: mine, address: req.to[0]!.address, feeRate: req.feeRate, network, frozen, minConfirmations }));
        inputs = sendable(max.inputs);
        recipients = [{ address: req.to[0]!.address, value: max.amount }];
      } else {
        if (req.to.some((r) => r.value === 'max')) throw walletError('invalid_amount', '"Max" works with one recipient only.');
        recipients = req.to.map((r) => ({ address: r.address, value: r.value as bigint }));
        const sel = this.withUnconfirmedFallback(mine, (minConfirmations) =>
          selectCoins({ utxos: mine, recipients, feeRate: req.feeRate, changeType: req.from, network, frozen, minConfirmations }),
        );
        inputs = sendable(sel.inputs);
        changeValue = sel.change;
      }
      const change = changeValue > 0n ? await this.book.nextChange(network, req.account, req.from) : null;
      const warnings = await this.warnings(network, req.account, recipients);
      const referenceFeeRate = await scan.client.feeEstimates().then((f) => f.fast, () => undefined);
      return this.store({ account: req.account, network, kind: req.kind, origin: req.origin, inputs, recipients, change, changeValue, from: req.from, warnings, replaces: null, ...(referenceFeeRate ? { referenceFeeRate } : {}) });
    });
  }

  /** Speed up (same payments, higher fee) or cancel (all back to us) one of our pending sends. */
  quoteReplacement(account: number, txid: string, mode: 'speed_up' | 'cancel', feeRate?: number): Promise<BtcSendReview> {
    return withBtcErrors(async () => {
      const record = await this.activity.get(txid);
      if (!record || record.account !== account || record.replacedBy) throw walletError('not_pending', 'This transaction is no longer pending.');
      const scan = await this.wallet.scan(account, record.network);
      const tx = await scan.client.tx(txid);
      if (!tx || tx.status.confirmed) throw walletError('not_pending', 'This transaction is no longer pending.');
      const own = new Map((await this.book.addresses(record.network, account)).map((a) => [a.address, a]));
      const inputs: SendInput[] = tx.inputs.map((i) => {
        const a = i.prevout?.address ? own.get(i.prevout.address) : undefined;
        if (!a || !i.prevout) throw walletError('not_pending', 'This transaction spends coins of another wallet; it cannot be replaced here.');
        return toSendInput({ txid: i.txid, vout: i.vout, value: i.prevout.value, confirmed: true }, a);
      });
      const ownChange = tx.outputs.map((o) => (o.address ? own.get(o.address) : undefined)).find((a) => a?.change === 1);
      const payments = tx.outputs.filter((o) => !(o.address && own.get(o.address)?.change === 1)).map((o) => {
        if (!o.address) throw walletError('not_pending', 'This transaction has an output without an address; it cannot be replaced here.');
        return { address: o.address, value: o.value };
      });
      const type = inputs[0]!.scriptType;
      const changeAddr = ownChange ?? (await this.book.nextChange(record.network, account, type));
      const fast = (await scan.client.feeEstimates()).fast;
      const { coins } = await this.wallet.coins(account, record.network, scan);
      const spent = new Set(inputs.map(key));
      const extra = coins.filter((c) => c.confirmed && !c.frozen && !spent.has(key(c)) && c.scriptType === type);
      const plan = planReplacement({
        network: record.network,
        mode,
        inputs,
        payments,
        oldFee: tx.fee,
        oldVsize: tx.vsize,
        feeRate: feeRate ?? fast,
        change: { address: changeAddr.address, publicKey: hexToBytes(changeAddr.publicKey), path: pathOf(changeAddr) },
        extra,
      });
      const warnings = await this.warnings(record.network, account, plan.recipients);
      return this.store({
        account,
        network: record.network,
        kind: mode,
        origin: record.origin,
        inputs: plan.inputs,
        recipients: plan.recipients,
        change: plan.change ? changeAddr : null,
        changeValue: plan.change?.value ?? 0n,
        from: type,
        warnings,
        replaces: txid,
        referenceFeeRate: fast,
      });
    });
  }

  /** Signs and broadcasts a reviewed quote (once); records it in the activity. */
  confirm(quoteId: string): Promise<{ txid: string }> {
    return withBtcErrors(async () => {
      const q = await this.quotes.take(quoteId);
      return this.broadcastQuote(q);
    });
  }

  private async broadcastQuote(q: StoredQuote): Promise<{ txid: string }> {
    const psbt = Psbt.fromBase64(q.psbt, { network: btcNetwork(q.network) });
    await signWithAccount(this.keyring, psbt, q.network, q.account, q.steps);
    const tx = finalizeAndExtract(psbt);
    const { client } = await this.networks.client(q.network);
    const txid = await client.broadcast(tx.hex);
    if (q.change) await this.book.markUsed(q.network, q.account, [{ address: '', publicKey: '', type: q.change.type, change: 1, index: q.change.index }]);
    await this.activity.add({
      txid,
      network: q.network,
      account: q.account,
      kind: q.kind,
      origin: q.origin,
      createdAt: Date.now(),
      sent: q.sent,
      fee: tx.fee.toString(),
      vsize: tx.vsize,
      recipients: q.recipients,
      ...(q.replaces ? { replaces: q.replaces } : {}),
    });
    return { txid };
  }

  /** Coin selection on confirmed coins first; unconfirmed ones (our own change, say) only when needed. */
  private withUnconfirmedFallback<T>(coins: readonly BtcCoin[], run: (minConfirmations: number) => T): T {
    try {
      return run(1);
    } catch (e) {
      if (e instanceof InsufficientFundsError && e.excluded.unconfirmed > 0n && coins.some((c) => !c.confirmed)) return run(0);
      throw e;
    }
  }

  /** Look-alike recipients (address poisoning), against our own addresses and recent recipients. */
  private async warnings(network: BtcNetworkName, account: number, recipients: readonly Recipient[]): Promise<WarningView[]> {
    const out: WarningView[] = [];
    const known = [...(await this.book.addresses(network, account)).map((a) => a.address), ...(await this.activity.recentRecipients(network))];
    for (const r of recipients) {
      const like = findLookalike(r.address, known);
      if (like) out.push(warningView(lookalikeWarning(r.address, like)));
    }
    return out;
  }

  private async store(p: {
    account: number;
    network: BtcNetworkName;
    kind: StoredQuote['kind'];
    origin: string | null;
    inputs: readonly SendInput[];
    recipients: readonly Recipient[];
    change: BookAddress | null;
    changeValue: bigint;
    from: BtcAddressType;
    warnings: WarningView[];
    replaces: string | null;
    /** the current fast estimate, to judge an unusually high rate */
    referenceFeeRate?: number;
  }): Promise<BtcSendReview> {
    const psbt = buildSendPsbt({
      inputs: p.inputs,
      recipients: p.recipients,
      ...(p.change ? { change: { address: p.change.address, value: p.changeValue, publicKey: hexToBytes(p.change.publicKey), path: pathOf(p.change) } } : {}),
      network: p.network,
      bip32: { masterFingerprint: await this.keyring.masterFingerprint(), account: p.account },
    });
    const total = p.inputs.reduce((s, u) => s + u.value, 0n);
    const sent = p.recipients.reduce((s, r) => s + r.value, 0n);
    const fee = total - sent - (p.change ? p.changeValue : 0n);
    const vsize = txVsize({ inputs: p.inputs.map((u) => u.scriptType), outputScriptLengths: psbt.txOutputs.map((o) => o.script.length) });
    const feeRate = Math.round((Number(fee) / vsize) * 100) / 100;
    const own = new Set((await this.book.addresses(p.network, p.account)).map((a) => a.address));
    const toOthers = p.recipients.filter((r) => !own.has(r.address)).reduce((s, r) => s + r.value, 0n);
    const high = highFeeWarning(fee, feeRate, toOthers, p.referenceFeeRate);
    const warnings = high ? [...p.warnings, warningView(high)] : p.warnings;
    const steps: SignStep[] = p.inputs.map((u, index) => ({ index, type: u.scriptType, change: u.path!.change, keyIndex: u.path!.index }));
    const stored = await this.quotes.put({
      account: p.account,
      network: p.network,
      kind: p.kind,
      origin: p.origin,
      psbt: psbt.toBase64(),
      steps,
      change: p.change ? { type: p.change.type, index: p.change.index } : null,
      sent: sent.toString(),
      fee: fee.toString(),
      vsize,
      recipients: p.recipients.map((r) => r.address),
      ...(p.replaces ? { replaces: p.replaces } : {}),
    });
    const outputs = psbt.txOutputs.map((o) => {
      const address = o.address ?? null;
      const isChange = !!p.change && address === p.change.address;
      return { address, value: o.value.toString(), mine: !!address && own.has(address), change: isChange };
    });
    return {
      quoteId: stored.id,
      kind: p.kind,
      from: p.from,
      network: p.network,
      networkName: btcNetworkInfo(p.network).name,
      recipients: p.recipients.map((r) => ({ address: r.address, value: r.value.toString() })),
      inputs: p.inputs.map((u) => ({ txid: u.txid, vout: u.vout, value: u.value.toString(), address: u.address, mine: true })),
      outputs,
      fee: fee.toString(),
      feeRate,
      vsize,
      sent: sent.toString(),
      replaces: p.replaces,
      warnings,
    };
  }
}

function pathOf(a: BookAddress): KeyPath {
  return { purpose: a.type === 'p2wpkh' ? 84 : 86, change: a.change, index: a.index };
}

function toSendInput(u: { txid: string; vout: number; value: bigint; confirmed: boolean }, a: BookAddress): SendInput {
  return { ...u, address: a.address, scriptType: a.type, path: pathOf(a), publicKey: hexToBytes(a.publicKey) };
}
