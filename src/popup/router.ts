import { useEffect, useState } from 'react';

/** A tiny hash router: the popup, the approval window and the expanded tab share one bundle. */
export function useHashRoute(): string {
  const [route, setRoute] = useState(() => currentRoute());
  useEffect(() => {
    const onChange = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function currentRoute(): string {
  return window.location.hash.replace(/^#/, '') || '/';
}

export function navigate(route: string): void {
  window.location.hash = route;
}
