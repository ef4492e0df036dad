import { Psbt } from 'bitcoinjs-lib';
import {
  addressFromScript,
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
import { bytesToHex, hexToBytes } from '../../core/bitcoin/encoding';
import { btcNetwork } from '../../core/keyring';
import { findLookalike, lookalikeWarning } from '../../core/risk/lookalike';
import type { WarningView } from '../../shared/approvals';
import { btcNetworkInfo } from '../../shared/btc-networks';
import type { BtcAddressType, BtcNetworkName } from '../../shared/btc-protocol';
import type { BtcDroppedTxView, BtcSendReview } from '../../shared/btc-views';
import { walletError } from '../../shared/errors';
import { warningView } from '../../shared/warnings';
import type { BtcActivityStore } from './btc-activity-store';
import type { BtcAddressBook, BookAddress } from './btc-address-book';
import { checkCoins, checkedTx } from './btc-coin-check';
import { withBtcErrors } from './btc-errors';
import type { BtcNetworkService } from './btc-network-service';
import { descendantsOf, readPending, type Descendant } from './btc-pending-tx';
import type { BtcQuoteStore, StoredQuote } from './btc-quote-store';
import { signWithAccount, type SignStep } from './btc-signer';
import type { BtcCoin, BtcWalletService } from './btc-wallet-service';
import type { KeyringService } from './keyring-service';
import { Mutex } from './mutex';

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
 * Bitcoin sends: build and review (coin selection, coins checked against their transactions,
 * change to a change address no other open review has, RBF on), then sign in the background
 * and broadcast exactly the reviewed PSBT. Speed-up and cancel build BIP125 replacements of
 * our own pending sends, paying for (and listing) the later transactions they evict.
 */
export class BtcSendService {
  /** Held from choosing a change address until the review holding it is stored (or it is marked used). */
  private readonly changeLock = new Mutex();

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
      await checkCoins(scan.client, inputs);
      const warnings = await this.warnings(network, req.account, recipients);
      const referenceFeeRate = await scan.client.feeEstimates().then((f) => f.fast, () => undefined);
      return this.changeLock.run(async () => {
        const change = changeValue > 0n ? await this.freshChange(network, req.account, req.from) : null;
        return this.store({ account: req.account, network, kind: req.kind, origin: req.origin, inputs, recipients, change, changeValue, from: req.from, warnings, replaces: null, dropped: [], ...(referenceFeeRate ? { referenceFeeRate } : {}) });
      });
    });
  }

  /**
   * Speed up (same payments, higher fee) or cancel (all back to us) one of our pending sends.
   * Later unconfirmed transactions spending it (a send that used its change, say) are evicted
   * with it: the replacement pays their fees too (BIP125 rule 3) and the review lists them.
   * Listing rather than refusing: a cancel is how a user stops a payment sent by mistake, and
   * a later send must not take that away; what the user must know is which payments go with it.
   */
  quoteReplacement(account: number, txid: string, mode: 'speed_up' | 'cancel', feeRate?: number): Promise<BtcSendReview> {
    return withBtcErrors(async () => {
      const record = await this.activity.get(txid);
      if (!record || record.account !== account || record.replacedBy || record.droppedBy) throw walletError('not_pending', 'This transaction is no longer pending.');
      const network = record.network;
      const scan = await this.wallet.scan(account, network);
      const client = scan.client;
      const tx = await client.tx(txid);
      if (!tx || tx.status.confirmed) throw walletError('not_pending', 'This transaction is no longer pending.');
      const own = await this.book.byScript(network, account);
      const pending = await readPending(client, txid, network, own);
      const later = await descendantsOf(client, pending.raw);
      const type = pending.inputs[0]!.scriptType;
      const fast = (await client.feeEstimates()).fast;
      const { coins } = await this.wallet.coins(account, network, scan);
      const spent = new Set(pending.inputs.map(key));
      const extra = coins.filter((c) => c.confirmed && !c.frozen && !spent.has(key(c)) && c.scriptType === type);
      const dropped = await this.droppedViews(network, own, later);
      return this.changeLock.run(async () => {
        const changeAddr = pending.ownChange ?? (await this.freshChange(network, account, type));
        const plan = planReplacement({
          network,
          mode,
          inputs: pending.inputs,
          payments: pending.payments,
          oldFee: pending.fee,
          oldVsize: record.vsize, // what we broadcast: a server padding witnesses cannot change it
          descendants: later,
          feeRate: feeRate ?? fast,
          change: { address: changeAddr.address, publicKey: hexToBytes(changeAddr.publicKey), path: pathOf(changeAddr) },
          extra,
        });
        await checkCoins(client, plan.inputs.slice(pending.inputs.length));
        const warnings = await this.warnings(network, account, plan.recipients);
        return this.store({
          account,
          network,
          kind: mode,
          origin: record.origin,
          inputs: plan.inputs,
          recipients: plan.recipients,
          change: plan.change ? changeAddr : null,
          changeValue: plan.change?.value ?? 0n,
          from: type,
          warnings,
          replaces: txid,
          dropped,
          referenceFeeRate: fast,
        });
      });
    });
  }

  /** The evicted transactions as the review lists them: ours or not, what each paid to others. */
  private async droppedViews(network: BtcNetworkName, own: ReadonlyMap<string, BookAddress>, later: readonly Descendant[]): Promise<BtcDroppedTxView[]> {
    const ours = new Set((await this.activity.all()).map((r) => r.txid));
    return later.map((d) => {
      const toOthers = d.outputs.filter((o) => !own.has(bytesToHex(o.script)));
      return {
        txid: d.txid,
        mine: ours.has(d.txid),
        sent: toOthers.reduce((s, o) => s + o.value, 0n).toString(),
        recipients: toOthers.map((o) => addressFromScript(o.script, network)).filter((a): a is string => !!a),
        fee: d.fee.toString(),
      };
    });
  }

  /** The next change address that no transaction used and no open review holds (call under changeLock). */
  private async freshChange(network: BtcNetworkName, account: number, type: BtcAddressType): Promise<BookAddress> {
    return this.book.nextChange(network, account, type, await this.quotes.reservedChange(network, account, type));
  }

  /** Signs and broadcasts a reviewed quote (once); records it in the activity. */
  confirm(quoteId: string): Promise<{ txid: string }> {
    return withBtcErrors(async () => {
      const q = await this.changeLock.run(async () => {
        const taken = await this.quotes.take(quoteId);
        // Used from now on, even if the broadcast fails: a review made meanwhile must not get it.
        if (taken.change) await this.book.markUsed(taken.network, taken.account, [{ address: '', publicKey: '', type: taken.change.type, change: 1, index: taken.change.index }]);
        return taken;
      });
      return this.broadcastQuote(q);
    });
  }

  private async broadcastQuote(q: StoredQuote): Promise<{ txid: string }> {
    const { client } = await this.networks.client(q.network);
    if (q.replaces) {
      const original = await client.tx(q.replaces);
      if (!original || original.status.confirmed) throw walletError('not_pending', 'This transaction is no longer pending.');
      // A transaction spending the replaced one since the review would be dropped unseen.
      const known = new Set(q.drops ?? []);
      const now = await descendantsOf(client, await checkedTx(client, q.replaces));
      if (now.some((d) => !known.has(d.txid))) {
        throw walletError('btc_replacement_changed', 'A new transaction spends the one you are replacing since you reviewed it. Nothing was sent; review the replacement again.');
      }
    }
    const psbt = Psbt.fromBase64(q.psbt, { network: btcNetwork(q.network) });
    await signWithAccount(this.keyring, psbt, q.network, q.account, q.steps);
    const tx = finalizeAndExtract(psbt);
    const txid = await client.broadcast(tx.hex);
    await this.activity.add(
      {
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
      },
      q.drops ?? [],
    );
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
    dropped: BtcDroppedTxView[];
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
      ...(p.replaces ? { replaces: p.replaces, drops: p.dropped.map((d) => d.txid) } : {}),
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
      dropped: p.dropped,
    };
  }
}

function pathOf(a: BookAddress): KeyPath {
  return { purpose: a.type === 'p2wpkh' ? 84 : 86, change: a.change, index: a.index };
}
