import { useState } from 'react';
import { useT } from '../i18n';

/** A full address with a copy button; the full text stays in the DOM for tests and screen readers. */
export function Address({ label, address, testid }: { label: string; address: string; testid: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard.writeText(address).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  // elementtiming: the browser records when the address is painted (the popup-open timing in test/e2e/performance).
  return (
    <div className="address-row">
      <span className="label">{label}</span>
      <code className="address" data-testid={testid} data-address={address} {...{ elementtiming: testid }}>
        {address}
      </code>
      <button type="button" className="small" onClick={copy} aria-label={`${t('common.copy')}: ${label}`}>
        {copied ? t('common.copied') : t('common.copy')}
      </button>
    </div>
  );
}
