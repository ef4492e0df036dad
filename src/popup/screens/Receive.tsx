import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { encodeBip21 } from '../../core/bitcoin/bip21';
import type { AccountView } from '../../shared/messages';
import { parseUnits } from '../../shared/units';
import { call } from '../api';
import { Address } from '../components/Address';
import { useT } from '../i18n';
import { navigate } from '../router';

type Chain = 'eth' | 'btc';


/** Address + QR (BIP21 URI for Bitcoin, EIP-681 style for Ethereum) for the selected account. */
export function Receive() {
  const t = useT();
  const [account, setAccount] = useState<AccountView | null>(null);
  const [chain, setChain] = useState<Chain>('eth');
  const [network, setNetwork] = useState('');
  const [qr, setQr] = useState<string | null>(null);
  const [btcType, setBtcType] = useState<'p2wpkh' | 'p2tr'>('p2wpkh');
  const [amount, setAmount] = useState('');

  useEffect(() => {
    void Promise.all([call('accounts_list', {}), call('networks_list', {})]).then(([a, n]) => {
      setAccount(a.accounts.find((x) => x.index === a.selected) ?? a.accounts[0] ?? null);
      setNetwork(n.networks.find((x) => x.chainId === n.current)?.name ?? '');
    });
  }, []);

  const address = account ? (chain === 'eth' ? account.eth : account.btc[btcType]) : '';
  const sats = parseUnits(amount, 8);
  const uri = chain === 'btc' ? encodeBip21({ address, ...(sats ? { amount: sats } : {}) }) : address;
  useEffect(() => {
    if (!address) return;
    QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (svg) => setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => setQr(null),
    );
  }, [address, uri]);

  return (
    <main className="screen" data-testid="receive-screen">
      <header className="row spread">
        <h1>{t('receive.title')}</h1>
        <button type="button" onClick={() => navigate('/')}>
          {t('common.back')}
        </button>
      </header>
      <div className="row" role="tablist">
        {(['eth', 'btc'] as const).map((c) => (
          <button key={c} type="button" role="tab" aria-selected={chain === c} data-testid={`receive-chain-${c}`} className={chain === c ? 'primary' : ''} onClick={() => setChain(c)}>
            {t(c === 'eth' ? 'receive.eth' : 'receive.btc')}
          </button>
        ))}
      </div>
      {account && (
        <>
          <p>{t('receive.intro', { asset: chain === 'eth' ? 'ETH / ERC-20' : 'BTC', network: chain === 'eth' ? network : 'Bitcoin' })}</p>
          {qr && <img className="qr" data-testid="receive-qr" src={qr} alt={`${t('receive.qr')}: ${address}`} width={200} height={200} />}
          <Address label={t(chain === 'eth' ? 'home.ethAddress' : btcType === 'p2wpkh' ? 'home.btcSegwit' : 'home.btcTaproot')} address={address} testid="receive-address" />
          {chain === 'btc' && (
            <>
              <label htmlFor="receive-btc-type">{t('receive.addressType')}</label>
              <select id="receive-btc-type" data-testid="receive-btc-type" value={btcType} onChange={(e) => setBtcType(e.target.value === 'p2tr' ? 'p2tr' : 'p2wpkh')}>
                <option value="p2wpkh">{t('home.btcSegwit')}</option>
                <option value="p2tr">{t('home.btcTaproot')}</option>
              </select>
              <label htmlFor="receive-btc-amount">{t('receive.amount')}</label>
              <input id="receive-btc-amount" data-testid="receive-amount-input" inputMode="decimal" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} />
              <span className="label">{t('receive.uri')}</span>
              <code className="address" data-testid="receive-uri">
                {uri}
              </code>
            </>
          )}
        </>
      )}
    </main>
  );
}
