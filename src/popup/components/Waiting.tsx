import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';

/**
 * A call to the background that waits on the network, which the user may stop waiting for: a
 * slow or hanging RPC must not hold the screen. `run` shows progress until the call settles;
 * `stop` drops its answer (the background gives up on its own after its RPC timeout). An
 * answer that arrives after the screen was left is dropped too.
 */
export function useWaiting() {
  const [waiting, setWaiting] = useState(false);
  const turn = useRef(0);
  useEffect(
    () => () => {
      turn.current++;
    },
    [],
  );
  const run = useCallback(<T,>(call: Promise<T>, done: (r: T) => void, failed: (e: unknown) => void) => {
    const mine = ++turn.current;
    setWaiting(true);
    call.then(
      (r) => {
        if (turn.current !== mine) return;
        setWaiting(false);
        done(r);
      },
      (e: unknown) => {
        if (turn.current !== mine) return;
        setWaiting(false);
        failed(e);
      },
    );
  }, []);
  const stop = useCallback(() => {
    turn.current++;
    setWaiting(false);
  }, []);
  return { waiting, run, stop };
}

/** What the screen waits for (a polite live region, present before it fills) and a button to stop waiting. */
export function Waiting({ waiting, label, onStop }: { waiting: boolean; label: string; onStop: () => void }) {
  const t = useT();
  return (
    <div className={waiting ? 'row spread waiting' : 'waiting idle'}>
      <p role="status" data-testid="waiting" data-waiting={waiting}>
        {waiting && (
          <>
            <span className="spinner" aria-hidden="true" /> {label}
          </>
        )}
      </p>
      {waiting && (
        <button type="button" className="small" data-testid="waiting-stop" onClick={onStop}>
          {t('common.stopWaiting')}
        </button>
      )}
    </div>
  );
}
