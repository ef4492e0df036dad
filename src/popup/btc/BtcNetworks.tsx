import { useCallback, useEffect, useId, useState } from 'react';
import type { BtcNetworkEntry } from '../../shared/btc-views';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';

/** Bitcoin networks: the Esplora server of each, editable (the server must serve that network). */
export function BtcNetworks() {
  const t = useT();
  const [nets, setNets] = useState<BtcNetworkEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call('btc_networks', {}).then(
      (r) => setNets(r.networks),
      (e: unknown) => setError(errorText(t, e)),
    );
  }, [t]);
  useEffect(load, [load]);
  return (
    <section className="stack" aria-labelledby="btc-networks-title">
      <h2 id="btc-networks-title">{t('btc.networksTitle')}</h2>
      <p className="hint">{t('btc.networksIntro')}</p>
      <ul className="stack plain">
        {nets?.map((n) => <BtcNetworkRow key={n.id} net={n} onChanged={load} />)}
      </ul>
      <FormError message={error} />
    </section>
  );
}

function BtcNetworkRow({ net, onChanged }: { net: BtcNetworkEntry; onChanged: () => void }) {
  const t = useT();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [url, setUrl] = useState(net.esploraUrl);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = (value: string) => {
    setBusy(true);
    call('btc_setEsploraUrl', { network: net.id, url: value }).then(
      () => {
        setBusy(false);
        setEditing(false);
        setError(null);
        onChanged();
      },
      (e: unknown) => {
        setBusy(false);
        setError(errorText(t, e));
      },
    );
  };
  return (
    <li className="card stack" data-testid="btc-network-row" data-network={net.id}>
      <strong>{net.name}</strong>
      <code className="address" data-testid="btc-network-esplora">
        {net.esploraUrl}
      </code>
      {editing ? (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            save(url);
          }}
        >
          <label htmlFor={`${id}-url`}>{t('btc.esploraUrl')}</label>
          <input id={`${id}-url`} data-testid="btc-esplora-input" value={url} onChange={(e) => setUrl(e.target.value)} />
          <div className="row">
            <button type="submit" className="primary" data-testid="btc-esplora-save" disabled={busy} aria-busy={busy}>
              {t('accounts.save')}
            </button>
            {net.esploraUrl !== net.defaultEsploraUrl && (
              <button type="button" onClick={() => save(net.defaultEsploraUrl)} disabled={busy}>
                {t('btc.resetUrl')}
              </button>
            )}
          </div>
        </form>
      ) : (
        <button type="button" data-testid="btc-network-edit" aria-label={`${t('networks.edit')}: ${net.name}`} onClick={() => setEditing(true)}>
          {t('networks.edit')}
        </button>
      )}
      <FormError message={error} />
    </li>
  );
}
