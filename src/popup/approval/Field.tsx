import type { ReactNode } from 'react';

/** A label/value pair, as a description-list row (read as such by screen readers). */
export function Field({ label, children, testid }: { label: string; children: ReactNode; testid?: string }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd data-testid={testid}>{children}</dd>
    </div>
  );
}
