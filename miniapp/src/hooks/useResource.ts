import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { useDidShow } from '@tarojs/taro';
import { hasStaffToken } from '../services/auth';
import { errorMessage, isApiRequestError } from '../services/request';

/** What a page that loads something shows: exactly one of these at a time. */
export type Resource<T> =
  | { kind: 'login'; notice?: string }
  | { kind: 'loading' }
  /** missing: a page parameter is missing; notFound: the server has no such thing; none: nothing to list */
  | { kind: 'empty'; text: string; cause: 'missing' | 'notFound' | 'none' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; data: T };

export interface ResourceOptions<T> {
  /** staff pages: the login form without a staff token, and again (with a notice) when the server answers 401 */
  staff?: boolean;
  /** why there is nothing to ask for (a page parameter is missing): the empty state, and no request */
  missing?: string | null;
  /** a 404 is the empty state with this text (else it is an error) */
  notFound?: string;
  /** the error text for a 403 or 404 (else the server's message) */
  refusals?: { 403?: string; 404?: string };
  /** data that counts as nothing to show (an empty list): the empty state with this text */
  emptyText?: (data: T) => string | null;
  /** load again each time the page is shown after its first load (back from a page that changed things) */
  reloadOnShow?: boolean;
}

const SESSION_EXPIRED = '登录已失效，请重新登录';

function failure<T>(e: unknown, o: ResourceOptions<T>): Resource<T> {
  const status = isApiRequestError(e) ? e.status : 0;
  if (o.staff && status === 401) return { kind: 'login', notice: SESSION_EXPIRED };
  if (status === 404 && o.notFound) return { kind: 'empty', text: o.notFound, cause: 'notFound' };
  const refusal = status === 403 || status === 404 ? o.refusals?.[status] : undefined;
  return { kind: 'error', message: refusal ?? errorMessage(e) };
}

function before<T>(o: ResourceOptions<T>): Resource<T> | null {
  if (o.missing) return { kind: 'empty', text: o.missing, cause: 'missing' };
  if (o.staff && !hasStaffToken()) return { kind: 'login' };
  return null;
}

/**
 * The load / login / error / empty / ready states of a page, loaded on the first render and again
 * whenever `deps` change. `reload()` asks again (retry, refresh, after login); `reloadWith(next)` loads with
 * a one-off loader that gets the data shown now (a next page to append). A refresh keeps the data on screen
 * until the answer arrives, and an answer overtaken by a newer request is dropped.
 */
export function useResource<T>(load: () => Promise<T>, deps: DependencyList, options: ResourceOptions<T> = {}) {
  const [state, setState] = useState<Resource<T>>(() => before(options) ?? { kind: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  /** successful loads so far: a key for parts that start afresh with each load */
  const [loads, setLoads] = useState(0);
  const latest = useRef({ load, options, state });
  latest.current = { load, options, state };
  const seq = useRef(0);
  const settled = useRef(false);

  const run = useCallback(async (next?: (shown: T | null) => Promise<T>) => {
    const { load, options, state } = latest.current;
    const stop = before(options);
    if (stop) return setState(stop);
    const mine = ++seq.current;
    setRefreshing(true);
    setState((s) => (s.kind === 'ready' ? s : { kind: 'loading' }));
    try {
      const data = next ? await next(state.kind === 'ready' ? state.data : null) : await load();
      if (mine !== seq.current) return;
      setState({ kind: 'ready', data });
      setLoads((n) => n + 1);
    } catch (e) {
      if (mine === seq.current) setState(failure(e, options));
    } finally {
      if (mine === seq.current) {
        setRefreshing(false);
        settled.current = true;
      }
    }
  }, []);
  // Takes no argument: it is handed to onClick and onRetry as it is.
  const reload = useCallback(() => run(), [run]);
  const reloadWith = useCallback((next: (shown: T | null) => Promise<T>) => run(next), [run]);

  useEffect(() => {
    reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useDidShow(() => {
    if (latest.current.options.reloadOnShow && settled.current) reload();
  });

  /** Changes the data shown (an action's answer) without asking the server again. */
  const update = useCallback((change: (data: T) => T) => {
    setState((s) => (s.kind === 'ready' ? { kind: 'ready', data: change(s.data) } : s));
  }, []);

  const empty = state.kind === 'ready' ? options.emptyText?.(state.data) : null;
  const shown: Resource<T> = empty ? { kind: 'empty', text: empty, cause: 'none' } : state;
  return { state: shown, reload, reloadWith, refreshing, update, loads };
}
