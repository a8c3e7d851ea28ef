import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import SubmitButton from '../../../components/Form/SubmitButton';
import type { StaffWechatStatus } from '@pingjia/shared';
import { useResource } from '../../../hooks/useResource';
import { askToSubscribe, canSubscribe } from '../../../platform/subscribe';
import { acceptStaffTemplates, bindStaffWechat, getStaffWechat, unbindStaffWechat } from '../../../services/staffNotices';
import { STAFF_PAGE } from '../../components/StaffPage';
import Notice from '../../components/StaffPage/Notice';
import { useAction } from '../../components/StaffPage/useAction';

/**
 * WeChat reminders for staff (opt-in): bind the WeChat this mini-program runs in, then allow messages;
 * each "allow" in WeChat's popup is one message, for a new, overdue or escalated grievance.
 */
export default function WechatMessages() {
  const { state, reload } = useResource(getStaffWechat, [], STAFF_PAGE);
  const [status, setStatus] = useState<StaffWechatStatus | null>(null);
  const { busy, notice, run } = useAction();
  const s = status ?? (state.kind === 'ready' ? state.data : null);
  if (!s?.available) return null;

  const bind = () =>
    run(async () => {
      setStatus(await bindStaffWechat());
      return '已绑定本微信。请点“订阅提醒”允许接收消息';
    });
  const subscribe = () =>
    run(async () => {
      const accepted = await askToSubscribe(s.templateId!);
      if (!accepted) return '未允许接收消息，可随时再次订阅';
      setStatus(await acceptStaffTemplates([s.templateId!]));
      return '已订阅一条提醒';
    });
  const unbind = () =>
    run(async () => {
      const { confirm } = await Taro.showModal({ title: '解除绑定', content: '解除后不再通过微信提醒您，已订阅的提醒作废。确定解除吗？' });
      if (!confirm) return '未解除绑定';
      await unbindStaffWechat();
      setStatus(null);
      reload();
      return '已解除绑定';
    });

  return (
    <View className="card" id="wechat-messages">
      <Text className="ov-title">微信提醒</Text>
      <Text className="ov-sub" id="wechat-messages-state">
        {!s.bound
          ? '未绑定。绑定本微信后，有新诉求、诉求超时或转办到您这里时，可通过微信消息提醒您（不含诉求内容）。'
          : `已绑定本微信，还可接收 ${s.remaining} 条提醒。微信规定每次“允许”只能发送一条，请在需要时再次订阅。`}
      </Text>
      {!canSubscribe ? (
        <Text className="note">请在微信小程序中打开本页进行绑定和订阅。</Text>
      ) : !s.bound ? (
        <SubmitButton id="wechat-bind" label="绑定本微信" spinner busy={busy} onClick={bind} />
      ) : (
        <View>
          <SubmitButton id="wechat-subscribe" label="订阅提醒" spinner busy={busy} onClick={subscribe} />
          <SubmitButton id="wechat-unbind" label="解除绑定" secondary busy={busy} onClick={unbind} />
        </View>
      )}
      <Notice id="wechat-notice" text={notice?.text ?? null} error={notice?.error} />
    </View>
  );
}
