// A list read page by page from the API: the first page when the page's query (`deps`) changes,
// further pages on request ("More") appended, and a reload after a change. Only the answer to
// the latest of them is applied (useLatestRequest); a failure becomes a message for the banner
// and an empty list.
import {useEffect, useState} from 'preact/hooks';
import {useI18n} from '../i18n/i18n';
import {errorMessage} from '../lib/field_errors';
import {useLatestRequest} from '../lib/latest_request';

export type Page<T> = {items: T[]; next: string};

export type PagedList<T> = {
  // null while the first page is read for a new query.
  items: T[]|null;
  // The token of the page after the last read; '' when there is none.
  next: string;
  error: string;
  // The first page again (the list shown stays until it arrives).
  reload: () => void;
  more: () => void;
  // A record changed elsewhere (a detail panel): replaced where it is listed.
  update: (change: (items: T[]) => T[]) => void;
};

export function usePagedList<T>(fetchPage: (pageToken: string, signal: AbortSignal) => Promise<Page<T>>,
                                deps: unknown[]): PagedList<T> {
  const {t} = useI18n();
  const [items, setItems] = useState<T[]|null>(null);
  const [next, setNext] = useState('');
  const [error, setError] = useState('');
  const latest = useLatestRequest();

  async function load(pageToken: string) {
    const turn = latest.start();
    setError('');
    try {
      const page = await fetchPage(pageToken, turn.signal);
      if (!turn.current()) return;
      setItems((previous) => [...(pageToken ? previous ?? [] : []), ...page.items]);
      setNext(page.next);
    } catch (e) {
      if (!turn.current()) return;
      setError(errorMessage(e, t));
      setItems([]);
    }
  }
  useEffect(() => {
    setItems(null);
    load('');
  }, deps);

  return {
    items, next, error,
    reload: () => { load(''); },
    more: () => { load(next); },
    update: (change) => setItems((list) => list && change(list)),
  };
}
