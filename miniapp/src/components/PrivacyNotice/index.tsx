import { Text, View } from '@tarojs/components';
import { a11y } from '../../utils/a11y';
import './index.less';
import ActionButton from '../Form/ActionButton';

const NOTICE =
  '为确认每位会员只评议一次，评家会使用本设备的登录标识；您的评分、评语和自愿填写的职工身份将保存到服务器，与您的身份分开存放。' +
  '工会主席和上级工会只能看到汇总结果，看不到是谁作出了哪条评价。评语会经过内容安全审核。';

interface Props {
  onAgree: () => void;
  onDecline: () => void;
}

/** Our own consent notice (H5), shown once before the first rating is sent; weapp uses WeChat's popup. */
export default function PrivacyNotice({ onAgree, onDecline }: Props) {
  return (
    <View className="card privacy" id="privacy-notice" {...a11y({ role: 'region', label: '个人信息保护提示' })}>
      <Text className="title">提交前请您知悉</Text>
      <Text className="privacy__text">{NOTICE}</Text>
      <ActionButton className="btn btn--primary" id="privacy-agree" label="同意并提交" onClick={onAgree} />
      <ActionButton className="btn btn--secondary" id="privacy-decline" label="暂不提交" onClick={onDecline} />
    </View>
  );
}
