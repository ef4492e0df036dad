import { useEffect, useId, useRef, useState } from 'react';
import { BTC_NETWORKS, type BtcNetworkId } from '../../shared/messages';
import type { EthNetwork } from '../../shared/networks';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { MenuBackdrop } from '../components/MenuBackdrop';

/** EVM network and Bitcoin network in one menu; choosing an EVM network tells connected pages (chainChanged). */
export function NetworkPicker({ btcNetwork, onChanged }: { btcNetwork: BtcNetworkId; onChanged: () => void }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  // Escape closes the menu and gives focus back to its button.
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    e.stopPropagation();
    setOpen(false);
    trigger.current?.focus();
  };
  const [nets, setNets] = useState<{ networks: EthNetwork[]; current: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('networks_list', {}).then(setNets, (e: unknown) => setError(errorText(t, e)));
  }, [t]);
  const current = nets?.networks.find((n) => n.chainId === nets.current);
  const done = (p: Promise<unknown>) =>
    p.then(
      () => {
        setOpen(false);
        call('networks_list', {}).then(setNets, () => undefined);
        onChanged();
      },
      (e: unknown) => setError(errorText(t, e)),
    );

  return (
    <div className="account-picker" onKeyDown={onKeyDown}>
      <button ref={trigger} type="button" data-testid="network-picker" aria-expanded={open} aria-controls={`${id}-menu`} onClick={() => setOpen(!open)}>
        {t('network.picker', { name: current?.name ?? '…', btc: btcNetwork })}
      </button>
      {open && <MenuBackdrop onClose={() => setOpen(false)} />}
      {open && nets && (
        <div id={`${id}-menu`} className="menu">
          <ul aria-label={t('network.ethereum')}>
            {nets.networks.map((n) => (
              <li key={n.chainId}>
                <button type="button" data-testid={`network-option-eth-${n.chainId}`} aria-current={n.chainId === nets.current ? 'true' : undefined} onClick={() => void done(call('networks_select', { chainId: n.chainId }))}>
                  {n.name} <span className="muted">{n.chainId}</span>
                </button>
              </li>
            ))}
          </ul>
          <ul aria-label={t('network.bitcoin')}>
            {BTC_NETWORKS.map((b) => (
              <li key={b}>
                <button type="button" data-testid={`network-option-btc-${b}`} aria-current={b === btcNetwork ? 'true' : undefined} onClick={() => void done(call('settings_set', { btcNetwork: b }))}>
                  Bitcoin {b}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <FormError message={error} />
    </div>
  );
}
