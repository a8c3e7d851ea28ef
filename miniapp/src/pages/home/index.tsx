import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { decodeScene, type Rating, type SceneLookup } from '@pingjia/shared'
import StatusView from '../../components/StatusView'
import { lookupScene } from '../../services/homes'
import { getMyRating } from '../../services/ratings'
import { errorMessage, isApiRequestError } from '../../services/request'
import { formatDate } from '../../utils/format'
import { pageUrl } from '../../utils/url'
import { a11y } from '../../utils/a11y'
import './index.less'

type State =
  | { kind: 'loading' }
  | { kind: 'noScene' }
  | { kind: 'notFound' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; lookup: SceneLookup; myRating: Rating | null }

export default function HomePage() {
  const { params } = useRouter()
  // weapp hands a QR scene over URL-encoded; decodeScene also rejects anything that is not a scene token.
  const scene = decodeScene(params.scene)
  const [state, setState] = useState<State>(scene ? { kind: 'loading' } : { kind: 'noScene' })
  const loaded = useRef(false)

  const load = useCallback(async () => {
    if (!scene) return setState({ kind: 'noScene' })
    setState((s) => (s.kind === 'ready' ? s : { kind: 'loading' }))
    try {
      const found = await lookupScene(scene)
      // Only an open campaign can be rated; a draft or closed one counts as none.
      const open = found.campaign && (found.campaign.status ?? 'open') === 'open'
      const lookup: SceneLookup = open ? found : { ...found, campaign: null }
      let myRating: Rating | null = null
      if (lookup.campaign) {
        // Not knowing about an earlier rating must not stop anyone from rating.
        myRating = await getMyRating(lookup.campaign.id, lookup.home.id).catch(() => null)
      }
      loaded.current = true
      setState({ kind: 'ready', lookup, myRating })
    } catch (e) {
      if (isApiRequestError(e) && e.status === 404) setState({ kind: 'notFound' })
      else setState({ kind: 'error', message: errorMessage(e) })
    }
  }, [scene])

  useEffect(() => {
    load()
  }, [load])

  // Coming back from the rating form: show the new "already rated" state.
  useDidShow(() => {
    if (loaded.current) load()
  })

  if (state.kind === 'noScene') {
    return (
      <View className='page home'>
        <StatusView kind='empty' id='home-status' text='请扫描职工之家的二维码进入' />
      </View>
    )
  }
  if (state.kind === 'loading') {
    return (
      <View className='page home'>
        <StatusView kind='loading' id='home-status' text='正在加载…' />
      </View>
    )
  }
  if (state.kind === 'notFound') {
    return (
      <View className='page home'>
        <StatusView kind='empty' id='home-status' text='未找到该职工之家' />
      </View>
    )
  }
  if (state.kind === 'error') {
    return (
      <View className='page home'>
        <StatusView kind='error' id='home-status' text={state.message} onRetry={load} />
      </View>
    )
  }

  const { home, campaign } = state.lookup
  const closesOn = campaign ? formatDate(campaign.closesAt) : ''
  const start = () => {
    if (!campaign) return
    Taro.navigateTo({
      url: pageUrl('/pages/rate/index', {
        homeId: home.id,
        campaignId: campaign.id,
        closesAt: campaign.closesAt,
        scene,
      }),
    })
  }

  return (
    <View className='page home'>
      <View className='card home__header'>
        <Text className='home__name' id='home-name'>{home.name}</Text>
        <Text className='home__org' id='home-org'>{home.orgName}</Text>
      </View>
      {campaign ? (
        <View className='card home__campaign'>
          <Text className='home__campaign-name' id='campaign-name'>{campaign.name}</Text>
          <Text className='home__closes' id='campaign-closes'>截止日期：{closesOn}</Text>
          {state.myRating && (
            <Text className='home__rated' id='already-rated'>您已评议，可修改至 {closesOn}</Text>
          )}
          <Button
            className='btn btn--primary home__start'
            id='start-rating'
            {...a11y({ role: 'button', label: state.myRating ? '修改评议' : '开始评议' })}
            onClick={start}
          >
            {state.myRating ? '修改评议' : '开始评议'}
          </Button>
        </View>
      ) : (
        <StatusView kind='empty' id='home-status' text='当前没有进行中的评议' />
      )}
      <Text className='home__note'>评议不记名，工会主席看不到谁作出了哪条评价。</Text>
    </View>
  )
}
