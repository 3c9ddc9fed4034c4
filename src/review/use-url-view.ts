// The review view kept in the page's URL (query string): read on load and on back/forward,
// written with replaceState on every change so the address bar always names what is shown.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { type ReviewView, searchFromView, viewFromSearch } from '../core/search/view-state';

export function useUrlView(): [
  ReviewView,
  (change: Partial<ReviewView>) => void,
  (view: ReviewView) => void,
] {
  const [view, setView] = useState<ReviewView>(() => viewFromSearch(location.search));

  useEffect(() => {
    const onPop = () => setView(viewFromSearch(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const replace = useCallback((next: ReviewView) => {
    setView(next);
    const search = searchFromView(next);
    if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}`);
  }, []);

  const update = useCallback(
    (change: Partial<ReviewView>) =>
      setView((current) => {
        const next = { ...current, ...change };
        const search = searchFromView(next);
        if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}`);
        return next;
      }),
    [],
  );

  return [view, update, replace];
}
