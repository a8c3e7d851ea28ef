import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { GrievanceCounts, StaffNotifications } from '@pingjia/shared';
import { getGrievanceCounts, getStaffNotifications, markNotificationsRead } from '../../../services/staffNotices';
import { errorMessage } from '../../../services/request';
import { a11y, heading } from '../../../utils/a11y';
import { formatDeadline } from '../../../utils/format';
import { pageUrl } from '../../../utils/url';
import Figure from '../Figure';
import Notice from '../StaffPage/Notice';
import ActionButton from '../../../components/Form/ActionButton';

const GRIEVANCE_QUEUE = '/pages/grievance/queue/index';
const GRIEVANCE_PAGE = '/pages/grievance/index';
const SHOWN = 5;

/**
 * The grievances the staff member handles, on their start pages: how many are new, due soon and overdue,
 * and the reminders (催办) and escalations addressed to them. Shown only to staff who handle any.
 */
export default function GrievanceAlerts() {
  const [counts, setCounts] = useState<GrievanceCounts | null>(null);
  const [notices, setNotices] = useState<StaffNotifications | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([getGrievanceCounts(), getStaffNotifications()])
      .then(([c, n]) => {
        setCounts(c);
        setNotices(n);
        setError(null);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);

  if (error) return <Notice id="alerts-error" text={`诉求提醒未能加载：${error}`} error />;
  if (!counts || !notices) return null;
  if (counts.new + counts.dueSoon + counts.overdue === 0 && notices.items.length === 0) return null;

  const readAll = async () => {
    try {
      await markNotificationsRead();
      load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <View className="card" id="grievance-alerts" {...a11y({ role: 'region', label: '我经办的维权诉求' })}>
      <Text className="ov-section" {...heading(2)}>
        我经办的维权诉求
      </Text>
      <View className="ov-figures">
        <Figure id="alerts-new" label="待受理" value={String(counts.new)} />
        <Figure id="alerts-due-soon" label="两天内到期" value={String(counts.dueSoon)} />
        <Figure id="alerts-overdue" label="已超时" value={String(counts.overdue)} />
      </View>
      <ActionButton
        id="alerts-open-queue"
        className="btn btn--primary"
        label="处理维权诉求"
        link
        onClick={() => Taro.navigateTo({ url: GRIEVANCE_QUEUE })}
      />
      {notices.items.length > 0 && (
        <>
          <Text className="ov-sub" id="alerts-unread">
            {notices.unread ? `催办与督办提醒（${notices.unread} 条未读）` : '催办与督办提醒'}
          </Text>
          {notices.items.slice(0, SHOWN).map((n, i) => (
            <Button
              key={n.id}
              id={`alerts-notice-${i}`}
              className={`ov-list-item${n.read ? '' : ' ov-list-item--unread'}`}
              {...a11y({ role: 'link', label: `${n.read ? '' : '未读：'}${n.text}` })}
              onClick={() => Taro.navigateTo({ url: pageUrl(GRIEVANCE_PAGE, { id: n.grievanceId, as: 'staff' }) })}
            >
              {n.read ? '' : '● '}
              {n.text}（{formatDeadline(n.createdAt)}）
            </Button>
          ))}
          {notices.unread > 0 && (
            <ActionButton id="alerts-read-all" className="btn btn--secondary" label="全部标为已读" onClick={() => void readAll()} />
          )}
        </>
      )}
    </View>
  );
}
