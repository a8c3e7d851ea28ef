import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { GRIEVANCE_TYPE_LABELS, formatTrackingCode } from '@pingjia/shared';
import StatusView from '../../../components/StatusView';
import { takeReceipt } from '../../../services/grievanceDrafts';
import { a11y } from '../../../utils/a11y';
import { acceptDueLine, finalDueLine } from '../../../utils/grievance';
import { pageUrl } from '../../../utils/url';
import '../kit.less';
import './index.less';
import ActionButton from '../../../components/Form/ActionButton';

/** After filing: the tracking code, shown this once (the server keeps only its hash), and the limits. */
export default function GrievanceDonePage() {
  const [receipt] = useState(takeReceipt);
  const [copied, setCopied] = useState<boolean | null>(null);

  const mine = () => Taro.reLaunch({ url: '/pages/grievance/mine/index' });

  if (!receipt) {
    return (
      <View className="page grievance-done" {...a11y({ role: 'main' })}>
        <StatusView kind="empty" id="grievance-done-gone" text="查询码只在提交成功时显示一次。您可以在“我的诉求”中查看已提交诉求的进度。" />
        <ActionButton className="btn btn--primary gk__wide" id="grievance-done-mine" label="查看我的诉求" onClick={mine} />
      </View>
    );
  }

  const { created, homeName, type, anonymous } = receipt;
  const code = formatTrackingCode(created.trackingCode);
  const copy = () =>
    Taro.setClipboardData({ data: code }).then(
      () => setCopied(true),
      () => setCopied(false),
    );

  return (
    <View className="page grievance-done" {...a11y({ role: 'main' })}>
      <View className="card grievance-done__card">
        <Text className="grievance-done__icon" aria-hidden>
          ✓
        </Text>
        <Text className="title" id="grievance-done-title">
          诉求已提交
        </Text>
        {homeName && (
          <Text className="note" id="grievance-done-home">
            {homeName} · {GRIEVANCE_TYPE_LABELS[type]}
          </Text>
        )}
      </View>

      <View className="card grievance-done__code-card" {...a11y({ role: 'region', label: '查询码' })}>
        <Text className="field-label">您的查询码</Text>
        <Text className="grievance-done__code" id="grievance-code" selectable userSelect>
          {code}
        </Text>
        <Text className="callout" id="grievance-code-warning">
          ⚠
          查询码只显示这一次，工会也无法找回。请立即复制或抄写下来并妥善保管，不要告诉他人：任何人凭查询码都能查看这条诉求的办理进度（看不到内容和姓名）。
        </Text>
        <ActionButton className="btn btn--primary gk__wide" id="grievance-copy" label="复制查询码" onClick={copy} />
        {copied !== null && (
          <Text className={copied ? 'note' : 'field-error'} id="grievance-copy-result" {...a11y({ role: 'status' })}>
            {copied ? '已复制，请粘贴保存到安全的地方。' : '复制失败，请手动抄写查询码。'}
          </Text>
        )}
      </View>

      <View className="card">
        <Text className="gk__line" id="grievance-accept-due">
          {acceptDueLine(created.acceptDueAt, created.deadlineProvisional)}
        </Text>
        <Text className="gk__line" id="grievance-due">
          {finalDueLine(type, created.dueAt, created.deadlineProvisional)}
        </Text>
        <Text className="note">期限按工作日计算，遇法定节假日顺延。</Text>
        <Text className="note" id="grievance-done-follow">
          {anonymous
            ? '您是匿名提交的：可以在本微信账号（网页版为本浏览器）的“我的诉求”中跟进，也可以凭查询码查询进度。'
            : '您可以在“我的诉求”中跟进办理进度，办结后请对办理结果作出评价。'}
        </Text>
      </View>

      <ActionButton
        className="btn btn--primary gk__wide"
        id="grievance-done-open"
        label="查看诉求进度"
        onClick={() => Taro.redirectTo({ url: pageUrl('/pages/grievance/index', { id: created.id }) })}
      />
      <ActionButton className="btn btn--secondary gk__wide" id="grievance-done-mine" label="查看我的诉求" onClick={mine} />
    </View>
  );
}
