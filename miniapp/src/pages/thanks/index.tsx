import { useMemo } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { a11y } from '../../utils/a11y';
import { formatDeadline } from '../../utils/format';
import { targetFromParams } from '../../utils/target';
import { pageUrl, param } from '../../utils/url';
import './index.less';
import ActionButton from '../../components/Form/ActionButton';

export default function ThanksPage() {
  const { params } = useRouter();
  const target = useMemo(() => targetFromParams(params), [params]);
  const changed = param(params.changed) === '1';
  const deadline = formatDeadline(target.closesAt);

  const back = () => {
    // reLaunch: the rating form is not left on the page stack behind the home page.
    Taro.reLaunch({ url: pageUrl('/pages/home/index', { scene: target.scene }) });
  };
  const mine = () => Taro.reLaunch({ url: '/pages/mine/index' });

  return (
    <View className="page thanks" {...a11y({ role: 'main' })}>
      <View className="card thanks__card">
        <Text className="thanks__icon" aria-hidden>
          ✓
        </Text>
        <Text className="thanks__title" id="thanks">
          {changed ? '感谢您的评议，修改已保存！' : '感谢您的评议！'}
        </Text>
        {target.homeName && (
          <Text className="thanks__home" id="thanks-home">
            {target.homeName}
          </Text>
        )}
        <Text className="thanks__text" id="thanks-note">
          {deadline ? `${deadline}截止前，您都可以回到职工之家页面修改评议。` : '本轮评议截止前，您都可以修改评议。'}
        </Text>
        <Text className="thanks__text">评议不记名，工会主席看不到是谁作出了哪条评价。</Text>
        <ActionButton className="btn btn--primary" id="back-home" label="返回职工之家" onClick={back} />
        <ActionButton className="btn btn--secondary" id="thanks-mine" label="查看我的评议" onClick={mine} />
      </View>
    </View>
  );
}
