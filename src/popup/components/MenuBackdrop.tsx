import { useEffect, useRef } from 'react';

/**
 * Behind an open menu: a click anywhere outside closes it, and the rest of the screen is inert
 * while it is open, so nothing the menu half covers can be clicked or tabbed to. Escape closes
 * the menu for keyboard users.
 */
export function MenuBackdrop({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const picker = ref.current?.parentElement;
    const screen = picker?.closest('main');
    if (!picker || !screen) return;
    // Everything on the screen but the branch that holds this menu (its header stays usable).
    const others = [...screen.children].filter((el): el is HTMLElement => el instanceof HTMLElement && !el.contains(picker) && !el.inert);
    for (const el of others) el.inert = true;
    return () => {
      for (const el of others) el.inert = false;
    };
  }, []);
  return <div ref={ref} className="menu-backdrop" aria-hidden="true" onClick={onClose} />;
}
