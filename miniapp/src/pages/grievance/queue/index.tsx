import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import {
  GRIEVANCE_STATUS_LABELS,
  GRIEVANCE_STATUSES,
  GRIEVANCE_TOPIC_LABELS,
  GRIEVANCE_TYPE_LABELS,
  type GrievanceStatus,
  type GrievanceSummary,
} from '@pingjia/shared'
import ChoiceGroup, { type Choice } from '../../../components/ChoiceGroup'
import StaffLogin from '../../../components/StaffLogin'
import StatusView from '../../../components/StatusView'
import { hasStaffToken, staffLogout } from '../../../services/auth'
import { listHandledGrievances, type QueueQuery } from '../../../services/grievances'
import { errorMessage, isApiRequestError } from '../../../services/request'
import { a11y } from '../../../utils/a11y'
import { formatDate } from '../../../utils/format'
import { acceptDueLine, finalDueLine, isCompleted } from '../../../utils/grievance'
import { pageUrl } from '../../../utils/url'
import '../kit.less'
import './index.less'

type StatusFilter = GrievanceStatus | 'all'
type OverdueFilter = 'all' | 'yes' | 'no'

const STATUS_CHOICES: Array<Choice<StatusFilter>> = [
  { key: 'all', label: '全部' },
  ...GRIEVANCE_STATUSES.map((key) => ({ key, label: GRIEVANCE_STATUS_LABELS[key] })),
]
const OVERDUE_CHOICES: Array<Choice<OverdueFilter>> = [
  { key: 'all', label: '全部' },
  { key: 'yes', label: '已超期' },
  { key: 'no', label: '未超期' },
]

type State =
  | { kind: 'login'; notice?: string }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; items: GrievanceSummary[]; total: number; page: number; more: boolean }

const excerpt = (text: string) => (Array.from(text).length > 60 ? `${Array.from(text).slice(0, 60).join('')}…` : text)

function queryOf(status: StatusFilter, overdue: OverdueFilter, page: number): QueueQuery {
  return { status: status === 'all' ? undefined : status, overdue: overdue === 'all' ? undefined : overdue === 'yes', page }
}

/** For chairs and upper-level union staff: the grievances they handle, soonest due first. */
export default function GrievanceQueuePage() {
  const [state, setState] = useState<State>(hasStaffToken() ? { kind: 'loading' } : { kind: 'login' })
  const [status, setStatus] = useState<StatusFilter>('all')
  const [overdue, setOverdue] = useState<OverdueFilter>('all')
  const [busy, setBusy] = useState(false)
  const filters = useRef({ status, overdue })
  filters.current = { status, overdue }

  const load = useCallback(async (page = 1) => {
    if (!hasStaffToken()) return setState({ kind: 'login' })
    const f = filters.current
    setBusy(true)
    setState((s) => (s.kind === 'ready' ? s : { kind: 'loading' }))
    try {
      const list = await listHandledGrievances(queryOf(f.status, f.overdue, page))
      setState((s) => {
        const items = page > 1 && s.kind === 'ready' ? [...s.items, ...list.items] : list.items
        return { kind: 'ready', items, total: list.total, page, more: items.length < list.total }
      })
    } catch (e) {
      if (isApiRequestError(e) && e.status === 401) setState({ kind: 'login', notice: '登录已失效，请重新登录' })
      else setState({ kind: 'error', message: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }, [])

  // Also when coming back from a grievance just handled.
  useDidShow(() => {
    load()
  })

  const filter = (next: { status?: StatusFilter; overdue?: OverdueFilter }) => {
    if (next.status) setStatus(next.status)
    if (next.overdue) setOverdue(next.overdue)
    filters.current = { ...filters.current, ...next }
    load()
  }

  if (state.kind === 'login') {
    return (
      <View className='page grievance-queue' {...a11y({ role: 'main' })}>
        <StaffLogin notice={state.notice ?? '登录后处理本会职工的维权诉求。'} onLoggedIn={() => load()} />
      </View>
    )
  }

  const logout = () => {
    staffLogout()
    setState({ kind: 'login' })
  }

  return (
    <View className='page grievance-queue' {...a11y({ role: 'main' })}>
      <View className='card'>
        <Text className='title'>维权诉求</Text>
        <Text className='note'>按期限先后排列，超期的标有“已超期”。请在期限内受理、办理并答复。</Text>
        <ChoiceGroup idPrefix='queue-filter-status' title='按状态筛选' choices={STATUS_CHOICES} value={status} onChange={(s) => filter({ status: s })} />
        <ChoiceGroup idPrefix='queue-filter-overdue' title='按期限筛选' choices={OVERDUE_CHOICES} value={overdue} onChange={(o) => filter({ overdue: o })} />
      </View>

      {state.kind === 'loading' && <StatusView kind='loading' id='queue-state' text='正在加载…' />}
      {state.kind === 'error' && <StatusView kind='error' id='queue-state' text={state.message} onRetry={() => load()} />}
      {state.kind === 'ready' && state.items.length === 0 && (
        <StatusView kind='empty' id='queue-empty' text={status === 'all' && overdue === 'all' ? '目前没有需要您处理的诉求。' : '没有符合筛选条件的诉求。'} />
      )}
      {state.kind === 'ready' && state.items.length > 0 && (
        <>
          <Text className='note grievance-queue__total' id='queue-total' {...a11y({ role: 'status' })}>
            共 {state.total} 条
          </Text>
          <View id='queue-list' {...a11y({ role: 'list', label: '维权诉求' })}>
            {state.items.map((g, i) => (
              <View className={`card grievance-queue__item${g.overdue ? ' grievance-queue__item--overdue' : ''}`} id={`queue-item-${i}`} key={g.id} {...a11y({ role: 'listitem' })}>
                <View className='gk__head'>
                  <Text className='gk__status' id={`queue-item-status-${i}`}>{GRIEVANCE_STATUS_LABELS[g.status]}</Text>
                  {g.overdue && <Text className='gk__overdue' id={`queue-item-overdue-${i}`}>⚠ 已超期</Text>}
                  <Text className='gk__kind'>
                    {GRIEVANCE_TYPE_LABELS[g.type]} · {GRIEVANCE_TOPIC_LABELS[g.topic]}
                  </Text>
                </View>
                <Text className='note'>
                  {g.home.name} · 提交于 {formatDate(`${g.createdOn}T12:00:00+08:00`)} · {g.anonymous ? '匿名' : '实名'}
                  {g.handler === 'upper' ? (g.escalated ? ' · 已转上级' : ' · 涉及工会工作') : ''}
                </Text>
                <Text className='gk__text' id={`queue-item-text-${i}`}>{excerpt(g.content)}</Text>
                {!isCompleted(g.status, g.type) && (
                  <Text className='gk__line' id={`queue-item-due-${i}`}>
                    {g.status === 'submitted' ? `${acceptDueLine(g.acceptDueAt)}；` : ''}
                    {finalDueLine(g.type, g.dueAt)}
                  </Text>
                )}
                <Button
                  className='btn btn--secondary gk__wide'
                  id={`queue-item-open-${i}`}
                  {...a11y({ role: 'button', label: `${g.canAct ? '处理' : '查看'}：${GRIEVANCE_TYPE_LABELS[g.type]}，${GRIEVANCE_STATUS_LABELS[g.status]}${g.overdue ? '，已超期' : ''}` })}
                  onClick={() => Taro.navigateTo({ url: pageUrl('/pages/grievance/index', { id: g.id, as: 'staff' }) })}
                >
                  {g.canAct ? '处理' : '查看'}
                </Button>
              </View>
            ))}
          </View>
          {state.more && (
            <Button className='btn btn--secondary gk__wide' id='queue-more' {...a11y({ role: 'button', label: '加载更多' })} loading={busy} onClick={() => load(state.page + 1)}>
              加载更多
            </Button>
          )}
        </>
      )}
      <Button className='btn btn--secondary gk__wide' id='queue-logout' {...a11y({ role: 'button', label: '退出登录' })} onClick={logout}>
        退出登录
      </Button>
    </View>
  )
}
