import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { formatDate } from '../../utils/format'
import { pageUrl, param } from '../../utils/url'
import { a11y } from '../../utils/a11y'
import './index.less'

export default function ThanksPage() {
  const { params } = useRouter()
  const closesOn = formatDate(param(params.closesAt))
  const scene = param(params.scene)

  const back = () => {
    // reLaunch: the rating form is not left on the page stack behind the home page.
    Taro.reLaunch({ url: pageUrl('/pages/home/index', { scene }) })
  }

  return (
    <View className='page thanks'>
      <View className='card thanks__card'>
        <Text className='thanks__icon' aria-hidden>✓</Text>
        <Text className='thanks__title' id='thanks'>感谢您的评议！</Text>
        <Text className='thanks__text' id='thanks-note'>
          {closesOn ? `本轮评议截止前（${closesOn}）您都可以修改评议。` : '本轮评议截止前您都可以修改评议。'}
        </Text>
        <Button className='btn btn--primary' id='back-home' {...a11y({ role: 'button', label: '返回职工之家' })} onClick={back}>
          返回职工之家
        </Button>
      </View>
    </View>
  )
}
