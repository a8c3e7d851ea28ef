import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { CRITERIA, DEFAULT_THRESHOLDS, openFiguresNote, TIER_LABELS, type HomeDashboard } from '@pingjia/shared'
import StaffLogin from '../../components/StaffLogin'
import StatusView from '../../components/StatusView'
import { hasStaffToken, staffLogout } from '../../services/auth'
import { getHomeDashboard } from '../../services/dashboard'
import { errorMessage, isApiRequestError } from '../../services/request'
import { formatMean, formatPercent } from '../../utils/format'
import { pageUrl, param } from '../../utils/url'
import { a11y } from '../../utils/a11y'
import './index.less'

type State =
  | { kind: 'login'; notice?: string }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; dashboard: HomeDashboard }

export default function DashboardPage() {
  const { params } = useRouter()
  const homeId = param(params.homeId)
  const campaignId = param(params.campaignId) || undefined
  const [state, setState] = useState<State>(hasStaffToken() ? { kind: 'loading' } : { kind: 'login' })
  const [refreshing, setRefreshing] = useState(false)

  const load = useCallback(async () => {
    if (!homeId) return
    if (!hasStaffToken()) return setState({ kind: 'login' })
    setRefreshing(true)
    setState((s) => (s.kind === 'ready' ? s : { kind: 'loading' }))
    try {
      setState({ kind: 'ready', dashboard: await getHomeDashboard(homeId, campaignId) })
    } catch (e) {
      if (isApiRequestError(e) && e.status === 401) setState({ kind: 'login', notice: '登录已失效，请重新登录' })
      else if (isApiRequestError(e) && e.status === 403) setState({ kind: 'error', message: '您没有权限查看该职工之家的结果' })
      else if (isApiRequestError(e) && e.status === 404) setState({ kind: 'error', message: '未找到该职工之家' })
      else setState({ kind: 'error', message: errorMessage(e) })
    } finally {
      setRefreshing(false)
    }
  }, [homeId, campaignId])

  useEffect(() => {
    if (state.kind === 'loading') load()
    // only on first render; later loads are triggered by login and refresh
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  if (!homeId) {
    return (
      <View className='page dashboard'>
        <StatusView kind='empty' text='缺少职工之家参数，请从管理后台进入' />
      </View>
    )
  }
  if (state.kind === 'login') {
    return (
      <View className='page dashboard'>
        <StaffLogin notice={state.notice} onLoggedIn={load} />
      </View>
    )
  }
  if (state.kind === 'loading') {
    return (
      <View className='page dashboard'>
        <StatusView kind='loading' text='正在加载…' />
      </View>
    )
  }
  if (state.kind === 'error') {
    return (
      <View className='page dashboard'>
        <StatusView kind='error' text={state.message} onRetry={load} />
      </View>
    )
  }

  const d = state.dashboard
  const { participation, satisfaction, criteria, tier, withheld } = d
  const logout = () => {
    staffLogout()
    setState({ kind: 'login' })
  }

  return (
    <View className='page dashboard'>
      <View className='card'>
        <Text className='dashboard__home' id='dash-home'>{d.home.name}</Text>
        {d.campaign && <Text className='dashboard__campaign' id='dash-campaign'>{d.campaign.name}</Text>}
      </View>

      <View className='card dashboard__figures'>
        <View className='dashboard__figure'>
          <Text className='dashboard__label'>参评人数</Text>
          <Text className='dashboard__value' id='dash-ratings'>{participation.ratings}</Text>
        </View>
        <View className='dashboard__figure'>
          <Text className='dashboard__label'>会员人数</Text>
          <Text className='dashboard__value' id='dash-members'>{participation.members}</Text>
        </View>
        <View className='dashboard__figure'>
          <Text className='dashboard__label'>参评率</Text>
          <Text className='dashboard__value' id='dash-participation'>{formatPercent(participation.rate)}</Text>
        </View>
        <View className='dashboard__figure'>
          <Text className='dashboard__label'>满意率</Text>
          <Text className='dashboard__value' id='dash-satisfaction'>{formatPercent(satisfaction?.rate)}</Text>
        </View>
      </View>
      {d.campaign?.status === 'open' && (
        <Text className='dashboard__note' id='dash-open-note'>{openFiguresNote()}</Text>
      )}
      {!participation.valid && (
        <Text className='dashboard__note' id='dash-invalid'>参评人数未达会员的 30%，本轮评议结果暂不有效。</Text>
      )}

      {withheld ? (
        <View className='card'>
          <Text className='dashboard__withheld' id='dash-withheld'>
            评价人数不足 {DEFAULT_THRESHOLDS.minSlice} 人，为保护评价人隐私，暂不显示结果
          </Text>
        </View>
      ) : (
        <>
          <View className='card'>
            <Text className='dashboard__label'>当前等级</Text>
            <Text className='dashboard__tier' id='dash-tier'>{tier ? TIER_LABELS[tier.current] : '—'}</Text>
            {tier?.next && tier.gap !== null && (
              <Text className='dashboard__note' id='dash-tier-gap'>
                距{TIER_LABELS[tier.next]}还差满意率 {formatPercent(tier.gap)}
              </Text>
            )}
          </View>
          <View className='card'>
            <Text className='dashboard__section'>各项平均分（满分 5 分）</Text>
            {CRITERIA.map((c) => (
              <View className='dashboard__row' key={c.key}>
                <Text className='dashboard__row-label'>{c.label}</Text>
                <Text className='dashboard__row-value' id={`dash-mean-${c.key}`}>
                  {formatMean(criteria?.[c.key]?.mean)}
                </Text>
              </View>
            ))}
          </View>
        </>
      )}

      <Button
        id='dash-full'
        className='btn btn--primary'
        {...a11y({ role: 'link', label: '完整看板：图表、趋势、留言和整改' })}
        onClick={() => Taro.navigateTo({ url: pageUrl('/oversight/pages/chair/index', { homeId, campaignId }) })}
      >
        完整看板：图表、趋势、留言和整改
      </Button>
      <Button
        id='dash-refresh'
        className={`btn btn--secondary${refreshing ? ' btn--disabled' : ''}`}
        {...a11y({ role: 'button', label: '刷新', disabled: refreshing })}
        loading={refreshing}
        disabled={refreshing}
        onClick={load}
      >
        刷新
      </Button>
      <Button id='dash-logout' className='btn btn--secondary' {...a11y({ role: 'button', label: '退出登录' })} onClick={logout}>
        退出登录
      </Button>
    </View>
  )
}
