import { useCallback, useEffect, useId, useState } from 'react';
import type { EthNetwork } from '../../shared/networks';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { useWaiting, Waiting } from '../components/Waiting';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { navigate } from '../router';
import { BtcNetworks } from '../btc/BtcNetworks';

/** EVM networks: edit RPC / explorer of any, add custom ones (chain id checked against the RPC), remove custom ones. */
export function Networks() {
  const t = useT();
  const [nets, setNets] = useState<EthNetwork[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call('networks_list', {}).then(
      (r) => setNets(r.networks),
      (e: unknown) => setError(errorText(t, e)),
    );
  }, [t]);
  useEffect(load, [load]);

  return (
    <main className="screen" data-testid="networks-screen">
      <header className="row spread">
        <h1>{t('networks.title')}</h1>
        <button type="button" onClick={() => navigate('/settings')}>
          {t('common.back')}
        </button>
      </header>
      <ul className="stack plain">
        {nets?.map((n) => <NetworkRow key={n.chainId} net={n} onChanged={load} />)}
      </ul>
      <AddNetwork onAdded={load} />
      <FormError message={error} />
      <BtcNetworks />
    </main>
  );
}

function NetworkRow({ net, onChanged }: { net: EthNetwork; onChanged: () => void }) {
  const t = useT();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [rpcUrl, setRpcUrl] = useState(net.rpcUrl);
  const [explorer, setExplorer] = useState(net.explorerUrl ?? '');
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(errorText(t, e));
  const checking = useWaiting();
  return (
    <li className="card stack" data-testid="network-row" data-chain-id={net.chainId}>
      <div className="row spread">
        <strong>{net.name}</strong>
        <span className="muted">
          {t('approval.add.chainId')} {net.chainId}
        </span>
      </div>
      <code className="address" data-testid="network-rpc">
        {net.rpcUrl}
      </code>
      {editing ? (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            checking.run(
              call('networks_update', { chainId: net.chainId, rpcUrl, ...(explorer ? { explorerUrl: explorer } : {}) }),
              () => {
                setEditing(false);
                onChanged();
              },
              fail,
            );
          }}
        >
          <label htmlFor={`${id}-rpc`}>{t('approval.add.rpc')}</label>
          <input id={`${id}-rpc`} data-testid="network-rpc-input" value={rpcUrl} onChange={(e) => setRpcUrl(e.target.value)} />
          <label htmlFor={`${id}-ex`}>{t('approval.add.explorer')}</label>
          <input id={`${id}-ex`} value={explorer} onChange={(e) => setExplorer(e.target.value)} />
          <Waiting waiting={checking.waiting} label={t('waiting.network')} onStop={checking.stop} />
          <button type="submit" className="primary" data-testid="network-save" disabled={checking.waiting} aria-busy={checking.waiting}>
            {t('accounts.save')}
          </button>
        </form>
      ) : (
        <div className="row">
          <button type="button" data-testid="network-edit" aria-label={`${t('networks.edit')}: ${net.name}`} onClick={() => setEditing(true)}>
            {t('networks.edit')}
          </button>
          {!net.builtIn && (
            <button type="button" data-testid="network-remove" aria-label={`${t('networks.remove')}: ${net.name}`} onClick={() => void call('networks_remove', { chainId: net.chainId }).then(onChanged, fail)}>
              {t('networks.remove')}
            </button>
          )}
        </div>
      )}
      <FormError message={error} />
    </li>
  );
}

function AddNetwork({ onAdded }: { onAdded: () => void }) {
  const t = useT();
  const id = useId();
  const [f, setF] = useState({ name: '', chainId: '', rpcUrl: '', symbol: 'ETH', explorer: '' });
  const [error, setError] = useState<string | null>(null);
  const checking = useWaiting();
  const field = (key: keyof typeof f, label: string) => (
    <>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} data-testid={`add-network-${key}`} value={f[key]} onChange={(e) => setF({ ...f, [key]: e.target.value })} />
    </>
  );
  return (
    <form
      className="card stack"
      aria-label={t('networks.add')}
      onSubmit={(e) => {
        e.preventDefault();
        const chainId = Number(f.chainId);
        if (!Number.isSafeInteger(chainId) || chainId < 1) return setError(t('networks.badChainId'));
        setError(null);
        checking.run(
          call('networks_add', { chainId, name: f.name, rpcUrl: f.rpcUrl, nativeSymbol: f.symbol, ...(f.explorer ? { explorerUrl: f.explorer } : {}) }),
          () => {
            setF({ name: '', chainId: '', rpcUrl: '', symbol: 'ETH', explorer: '' });
            onAdded();
          },
          (err: unknown) => setError(errorText(t, err)),
        );
      }}
    >
      <h2>{t('networks.add')}</h2>
      {field('name', t('approval.add.name'))}
      {field('chainId', t('approval.add.chainId'))}
      {field('rpcUrl', t('approval.add.rpc'))}
      {field('symbol', t('approval.add.symbol'))}
      {field('explorer', t('approval.add.explorer'))}
      <FormError message={error} />
      <Waiting waiting={checking.waiting} label={t('waiting.network')} onStop={checking.stop} />
      <button type="submit" className="primary" data-testid="add-network-submit" disabled={checking.waiting} aria-busy={checking.waiting}>
        {t('networks.add')}
      </button>
    </form>
  );
}
