import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { MAX_BALANCE_ACCOUNTS, type AccountView } from '../../shared/messages';
import { formatDisplay, formatUnits } from '../../shared/units';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { useLiveBalances, type BalanceSource } from '../use-live-balances';
import { useVisibleIndexes } from '../use-visible-indexes';
import { MenuBackdrop } from '../components/MenuBackdrop';

/**
 * The account menu: choose, add the next HD account, rename the selected one. Each account shows
 * its native balance; only the rows on screen are asked for (one round trip per screenful).
 */
export function AccountPicker({ accounts, selected, onChanged, refreshKey }: { accounts: AccountView[]; selected: AccountView; onChanged: () => void; refreshKey: string }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const balances = useMenuBalances(menu, open, accounts.length, refreshKey);
  // Escape closes the menu and gives focus back to its button.
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    e.stopPropagation();
    setOpen(false);
    trigger.current?.focus();
  };
  const [renaming, setRenaming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (p: Promise<unknown>) =>
    p.then(
      () => {
        setError(null);
        onChanged();
      },
      (e: unknown) => setError(errorText(t, e)),
    );

  return (
    <div className="account-picker" onKeyDown={onKeyDown}>
      <button ref={trigger} type="button" data-testid="account-picker" aria-expanded={open} aria-controls={`${id}-list`} onClick={() => setOpen(!open)}>
        {t('accounts.picker', { name: selected.name })}
      </button>
      {open && <MenuBackdrop onClose={() => setOpen(false)} />}
      {open && (
        <div id={`${id}-list`} className="menu" ref={menu}>
          <ul aria-label={t('accounts.listLabel')}>
            {accounts.map((a, i) => (
              <li key={a.index} data-index={a.index}>
                <button
                  type="button"
                  data-testid={`account-option-${i}`}
                  aria-current={a.index === selected.index ? 'true' : undefined}
                  onClick={() => {
                    setOpen(false);
                    void run(call('accounts_select', { index: a.index }));
                  }}
                >
                  <span className="account-option-name">
                    {a.name} <span className="muted">{a.eth.slice(0, 6)}…{a.eth.slice(-4)}</span>
                  </span>
                  <AccountBalance balances={balances} index={a.index} />
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            data-testid="add-account-button"
            onClick={() => {
              setOpen(false);
              void run(call('accounts_add', {}));
            }}
          >
            {t('accounts.add')}
          </button>
          {renaming === null ? (
            <button type="button" onClick={() => setRenaming(selected.name)}>
              {t('accounts.rename')}
            </button>
          ) : (
            <form
              className="row"
              onSubmit={(e) => {
                e.preventDefault();
                void run(call('accounts_rename', { index: selected.index, name: renaming })).then(() => setRenaming(null));
              }}
            >
              <label htmlFor={`${id}-name`} className="sr-only">
                {t('accounts.nameLabel')}
              </label>
              <input id={`${id}-name`} value={renaming} maxLength={64} onChange={(e) => setRenaming(e.target.value)} />
              <button type="submit">{t('accounts.save')}</button>
            </form>
          )}
          <FormError message={error} />
        </div>
      )}
    </div>
  );
}

interface MenuBalances {
  values: Map<number, string | null>;
  symbol: string;
  decimals: number;
  unavailable: boolean;
}

/** Native balances of the accounts on screen in the open menu, kept while it stays open. */
function useMenuBalances(menu: React.RefObject<HTMLDivElement | null>, open: boolean, count: number, refreshKey: string): MenuBalances {
  const visible = useVisibleIndexes(menu, open, MAX_BALANCE_ACCOUNTS, `${count}:${refreshKey}`);
  const load = useCallback((source: BalanceSource) => call('balances_accounts', { indexes: visible, source }), [visible]);
  const { data, unavailable } = useLiveBalances(load, open && visible.length > 0 ? `${refreshKey}|${visible.join(',')}` : null);
  const [kept, setKept] = useState<MenuBalances>({ values: new Map(), symbol: '', decimals: 18, unavailable: false });
  useEffect(() => setKept({ values: new Map(), symbol: '', decimals: 18, unavailable: false }), [open, refreshKey]);
  useEffect(() => {
    if (unavailable) setKept((k) => ({ ...k, values: new Map(), unavailable: true }));
    else if (data) setKept((k) => ({ values: new Map([...k.values, ...data.accounts.map((a) => [a.index, a.native] as const)]), symbol: data.nativeSymbol, decimals: data.nativeDecimals, unavailable: false }));
  }, [data, unavailable]);
  return kept;
}

function AccountBalance({ balances, index }: { balances: MenuBalances; index: number }) {
  const t = useT();
  const v = balances.values.get(index);
  if (v != null) {
    return (
      <span className="muted account-balance" data-testid="account-balance" data-value={v} title={`${formatUnits(v, balances.decimals)} ${balances.symbol}`}>
        {formatDisplay(v, balances.decimals)} {balances.symbol}
      </span>
    );
  }
  const failed = balances.unavailable || v === null;
  return (
    <span className="muted account-balance" data-testid="account-balance" data-value="" title={failed ? t('balances.accountUnavailable') : undefined}>
      {failed ? '—' : '…'}
      <span className="sr-only">{failed ? t('balances.accountUnavailable') : t('common.loading')}</span>
    </span>
  );
}
