import { useId, useRef, useState } from 'react';
import type { AccountView } from '../../shared/messages';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';

/** The account menu: choose, add the next HD account, rename the selected one. */
export function AccountPicker({ accounts, selected, onChanged }: { accounts: AccountView[]; selected: AccountView; onChanged: () => void }) {
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
      {open && (
        <div id={`${id}-list`} className="menu">
          <ul aria-label={t('accounts.listLabel')}>
            {accounts.map((a, i) => (
              <li key={a.index}>
                <button
                  type="button"
                  data-testid={`account-option-${i}`}
                  aria-current={a.index === selected.index ? 'true' : undefined}
                  onClick={() => {
                    setOpen(false);
                    void run(call('accounts_select', { index: a.index }));
                  }}
                >
                  {a.name} <span className="muted">{a.eth.slice(0, 6)}…{a.eth.slice(-4)}</span>
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
