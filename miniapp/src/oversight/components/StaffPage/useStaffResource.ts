import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import { hasStaffToken } from '../../../services/auth'
import { errorMessage, isApiRequestError } from '../../../services/request'

export type StaffState<T> =
  | { kind: 'login'; notice?: string }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; data: T }

/** The state a failed staff call leaves a page in: the login form again on 401, else a message. */
export function failureState(e: unknown): StaffState<never> {
  if (isApiRequestError(e) && e.status === 401) return { kind: 'login', notice: '登录已失效，请重新登录' }
  if (isApiRequestError(e) && e.status === 403) return { kind: 'error', message: '您没有权限查看此页面' }
  if (isApiRequestError(e) && e.status === 404) return { kind: 'error', message: '未找到，或您没有权限查看' }
  return { kind: 'error', message: errorMessage(e) }
}

/**
 * Loads what a staff page shows, again whenever `deps` change. An answer that arrives after a newer
 * request was sent (a quick change of sort, say) is dropped.
 */
export function useStaffResource<T>(load: () => Promise<T>, deps: DependencyList) {
  const [state, setState] = useState<StaffState<T>>(hasStaffToken() ? { kind: 'loading' } : { kind: 'login' })
  const [refreshing, setRefreshing] = useState(false)
  const seq = useRef(0)

  // eslint-disable-next-line react-hooks/exhaustive-deps
  const reload = useCallback(async () => {
    if (!hasStaffToken()) return setState({ kind: 'login' })
    const mine = ++seq.current
    setRefreshing(true)
    setState((s) => (s.kind === 'ready' ? s : { kind: 'loading' }))
    try {
      const data = await load()
      if (mine === seq.current) setState({ kind: 'ready', data })
    } catch (e) {
      if (mine === seq.current) setState(failureState(e))
    } finally {
      if (mine === seq.current) setRefreshing(false)
    }
  }, deps)

  useEffect(() => {
    reload()
  }, [reload])

  return { state, setState, reload, refreshing }
}
