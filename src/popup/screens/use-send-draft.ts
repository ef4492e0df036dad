import { useCallback, useRef } from 'react';
import type { SendDraft } from '../../shared/messages';
import { call } from '../api';

/**
 * Saves the send draft in the background one call at a time, the latest state winning: two
 * keystrokes' messages could otherwise overtake each other in the worker and leave an older
 * draft stored. A save resolves once everything asked before it is written.
 */
export function useSendDraftSaver(): (draft: SendDraft | null) => Promise<void> {
  const latest = useRef<SendDraft | null>(null);
  const written = useRef<SendDraft | null | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  return useCallback((draft: SendDraft | null) => {
    latest.current = draft;
    const run = chain.current.then(async () => {
      const next = latest.current;
      if (written.current === next) return;
      await call('send_draftSet', { draft: next });
      written.current = next;
    });
    chain.current = run.catch(() => undefined);
    return chain.current;
  }, []);
}
