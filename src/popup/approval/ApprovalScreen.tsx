import { useEffect, useId, useRef, useState } from 'react';
import type { Approval, ApprovalDecision } from '../../shared/approvals';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { ApprovalBodyView } from './ApprovalBodyView';
import { Warnings } from './Warnings';
import { SecurityTip } from '../components/SecurityTip';

/** Clicks this soon after a request appears are ignored: a page cannot trick a fast double-click into approving. */
export const CLICK_GUARD_MS = 500;
const APPROVAL_RISKS = new Set(['unlimited_approval', 'large_approval', 'set_approval_for_all', 'permit', 'permit2']);
const POLL_MS = 400;

/**
 * The approval window: shows the oldest pending request, then the next. The background
 * closes it once nothing is left (it alone decides, so a request arriving at that moment
 * is never rejected by a window closing itself).
 */
export function ApprovalScreen() {
  const t = useT();
  const [list, setList] = useState<Approval[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      call('approvals_list', {}).then(
        (r) => {
          if (!live) return;
          setList(r.approvals.filter((a) => a.body.kind !== 'unlock'));
        },
        (e: unknown) => live && setError(errorText(t, e)),
      );
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [t]);

  const current = list?.[0];
  if (!current) {
    return (
      <main className="screen" data-testid="approval-screen" aria-busy="true">
        <p>{t('approval.waiting')}</p>
        <FormError message={error} />
      </main>
    );
  }
  return (
    <ApprovalCard
      key={current.id}
      approval={current}
      position={{ n: 1, total: list.length }}
      onAnswered={(id) => setList((l) => l?.filter((a) => a.id !== id) ?? null)}
    />
  );
}

function ApprovalCard({ approval, position, onAnswered }: { approval: Approval; position: { n: number; total: number }; onAnswered: (id: string) => void }) {
  const t = useT();
  const id = useId();
  // Buttons stay inert until the guard has passed; data-armed says so to tests and tools.
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setArmed(true), CLICK_GUARD_MS);
    return () => clearTimeout(timer);
  }, []);
  const decisionRef = useRef<() => ApprovalDecision | null>(() => ({ approve: true }));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Escape asks first ("Reject this request?"): a stray key press must not answer for the user.
  const [confirmReject, setConfirmReject] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const focusBefore = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || busy) return;
      e.preventDefault();
      if (confirmReject) {
        setConfirmReject(false);
        focusBefore.current?.focus();
      } else {
        focusBefore.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        setConfirmReject(true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [confirmReject, busy]);
  useEffect(() => {
    if (confirmReject) confirmButton.current?.focus();
  }, [confirmReject]);

  const answer = (approve: boolean) => {
    if (!armed) return;
    let decision: ApprovalDecision = { approve: false };
    if (approve) {
      const d = decisionRef.current();
      if (!d) return; // the body showed its own error (e.g. an invalid fee)
      decision = d;
    }
    setBusy(true);
    call('approvals_resolve', { id: approval.id, ...decision }).then(
      () => onAnswered(approval.id),
      (e: unknown) => {
        setBusy(false);
        setError(errorText(t, e));
      },
    );
  };

  return (
    <main className="screen" data-testid="approval-screen" data-approval-id={approval.id} data-armed={armed}>
      <header className="stack">
        <span className="muted">{position.total > 1 ? t('approval.queue', position) : t('approval.title')}</span>
        <div className="row">
          <span className="label">{t('approval.origin')}</span>
          <strong data-testid="approval-origin">{approval.origin}</strong>
        </div>
      </header>
      {/* Risks first: on a long request (a PSBT, a contract call) they must not hide below the fold. */}
      <Warnings warnings={approval.warnings} />
      <div data-testid="approval-kind" data-kind={approval.body.kind} className="stack">
        <ApprovalBodyView body={approval.body} setDecision={(fn) => (decisionRef.current = fn)} />
      </div>
      {approval.warnings.some((w) => APPROVAL_RISKS.has(w.kind)) && <SecurityTip id="unlimited_approval" />}
      <FormError message={error} />
      <div className="sticky-actions stack">
        {confirmReject && (
          <div className="confirm stack" role="alertdialog" aria-labelledby={`${id}-rq`} data-testid="reject-confirm">
            <p id={`${id}-rq`}>
              <strong>{t('approval.rejectConfirm')}</strong>
            </p>
            <div className="row">
              <button
                type="button"
                data-testid="reject-confirm-cancel"
                onClick={() => {
                  setConfirmReject(false);
                  focusBefore.current?.focus();
                }}
              >
                {t('common.cancel')}
              </button>
              <button type="button" ref={confirmButton} data-testid="reject-confirm-button" disabled={busy} onClick={() => answer(false)}>
                {t('approval.rejectConfirmYes')}
              </button>
            </div>
          </div>
        )}
        <div className="row spread">
          <button type="button" data-testid="reject-button" disabled={busy} onClick={() => answer(false)}>
            {t('approval.reject')}
          </button>
          <button type="button" className="primary" data-testid="approve-button" disabled={busy} onClick={() => answer(true)}>
            {t('approval.approve')}
          </button>
        </div>
      </div>
    </main>
  );
}
