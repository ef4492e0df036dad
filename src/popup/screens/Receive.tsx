import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { AccountView } from '../../shared/messages';
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

  useEffect(() => {
    void Promise.all([call('accounts_list', {}), call('networks_list', {})]).then(([a, n]) => {
      setAccount(a.accounts.find((x) => x.index === a.selected) ?? a.accounts[0] ?? null);
      setNetwork(n.networks.find((x) => x.chainId === n.current)?.name ?? '');
    });
  }, []);

  const address = account ? (chain === 'eth' ? account.eth : account.btc.p2wpkh) : '';
  useEffect(() => {
    if (!address) return;
    const uri = chain === 'btc' ? `bitcoin:${address}` : address;
    QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (svg) => setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => setQr(null),
    );
  }, [address, chain]);

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
          <Address label={t(chain === 'eth' ? 'home.ethAddress' : 'home.btcSegwit')} address={address} testid="receive-address" />
        </>
      )}
    </main>
  );
}
