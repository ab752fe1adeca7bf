// Loads a page starts when its input changes (a filter, a year, the language, the item open)
// may answer out of order; only the answer to the last one may be shown. Each `start()` aborts
// the request before it (the browser cancels its fetch) and hands back the signal to pass to
// the call and `current()`, false once a later request started or the page went away: the
// caller drops a superseded answer, and the error its abort raises, instead of applying it.
import {useEffect, useRef} from 'preact/hooks';

export type RequestTurn = {signal: AbortSignal; current: () => boolean};

export class LatestRequest {
  private last: AbortController|null = null;

  start(): RequestTurn {
    this.last?.abort();
    const controller = new AbortController();
    this.last = controller;
    return {signal: controller.signal, current: () => !controller.signal.aborted};
  }

  // Nothing started so far is current any more (the page is gone).
  stop(): void {
    this.last?.abort();
    this.last = null;
  }
}

// One sequence of requests for the life of a component, stopped when it goes: `start()` for
// every load whose answer replaces the previous one (a list's first page, its further pages and
// its reloads share one).
export function useLatestRequest(): LatestRequest {
  const latest = useRef<LatestRequest|null>(null);
  if (!latest.current) latest.current = new LatestRequest();
  const own = latest.current;
  useEffect(() => () => own.stop(), [own]);
  return own;
}
