import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  GRIEVANCE_STATUS_LABELS,
  GRIEVANCE_STATUSES,
  GRIEVANCE_TOPIC_LABELS,
  GRIEVANCE_TYPE_LABELS,
  type GrievanceStatus,
  type GrievanceSummary,
} from '@pingjia/shared';
import ChoiceGroup, { type Choice } from '../../../components/ChoiceGroup';
import StaffLogin from '../../../components/StaffLogin';
import StatusView from '../../../components/StatusView';
import { useResource } from '../../../hooks/useResource';
import { staffLogout } from '../../../services/auth';
import { listHandledGrievances, type QueueQuery } from '../../../services/grievances';
import { a11y } from '../../../utils/a11y';
import { formatDate } from '../../../utils/format';
import { acceptDueLine, finalDueLine, isCompleted } from '../../../utils/grievance';
import { pageUrl } from '../../../utils/url';
import '../kit.less';
import './index.less';
import ActionButton from '../../../components/Form/ActionButton';

type StatusFilter = GrievanceStatus | 'all';
type OverdueFilter = 'all' | 'yes' | 'no';

const STATUS_CHOICES: Array<Choice<StatusFilter>> = [
  { key: 'all', label: '全部' },
  ...GRIEVANCE_STATUSES.map((key) => ({ key, label: GRIEVANCE_STATUS_LABELS[key] })),
];
const OVERDUE_CHOICES: Array<Choice<OverdueFilter>> = [
  { key: 'all', label: '全部' },
  { key: 'yes', label: '已超期' },
  { key: 'no', label: '未超期' },
];

interface Queue {
  items: GrievanceSummary[];
  total: number;
  page: number;
  more: boolean;
}

const excerpt = (text: string) => (Array.from(text).length > 60 ? `${Array.from(text).slice(0, 60).join('')}…` : text);

function queryOf(status: StatusFilter, overdue: OverdueFilter, page: number): QueueQuery {
  return { status: status === 'all' ? undefined : status, overdue: overdue === 'all' ? undefined : overdue === 'yes', page };
}

/** For chairs and upper-level union staff: the grievances they handle, soonest due first. */
export default function GrievanceQueuePage() {
  const [status, setStatus] = useState<StatusFilter>('all');
  const [overdue, setOverdue] = useState<OverdueFilter>('all');

  /** One page of the queue; a later page is added to the items shown. */
  const fetchPage = async (page: number, shown: Queue | null): Promise<Queue> => {
    const list = await listHandledGrievances(queryOf(status, overdue, page));
    const items = page > 1 && shown ? [...shown.items, ...list.items] : list.items;
    return { items, total: list.total, page, more: items.length < list.total };
  };
  // Loads again when a filter changes, and when coming back from a grievance just handled.
  const { state, reload, reloadWith, refreshing } = useResource(() => fetchPage(1, null), [status, overdue], {
    staff: true,
    reloadOnShow: true,
    emptyText: (q) =>
      q.items.length > 0 ? null : status === 'all' && overdue === 'all' ? '目前没有需要您处理的诉求。' : '没有符合筛选条件的诉求。',
  });

  if (state.kind === 'login') {
    return (
      <View className="page grievance-queue" {...a11y({ role: 'main' })}>
        <StaffLogin notice={state.notice ?? '登录后处理本会职工的维权诉求。'} onLoggedIn={reload} />
      </View>
    );
  }

  const logout = () => {
    staffLogout();
    reload();
  };

  return (
    <View className="page grievance-queue" {...a11y({ role: 'main' })}>
      <View className="card">
        <Text className="title">维权诉求</Text>
        <Text className="note">按期限先后排列，超期的标有“已超期”。请在期限内受理、办理并答复。</Text>
        <ChoiceGroup idPrefix="queue-filter-status" title="按状态筛选" choices={STATUS_CHOICES} value={status} onChange={setStatus} />
        <ChoiceGroup idPrefix="queue-filter-overdue" title="按期限筛选" choices={OVERDUE_CHOICES} value={overdue} onChange={setOverdue} />
      </View>

      {state.kind === 'loading' && <StatusView kind="loading" id="queue-state" text="正在加载…" />}
      {state.kind === 'error' && <StatusView kind="error" id="queue-state" text={state.message} onRetry={reload} />}
      {state.kind === 'empty' && <StatusView kind="empty" id="queue-empty" text={state.text} />}
      {state.kind === 'ready' && (
        <>
          <Text className="note grievance-queue__total" id="queue-total" {...a11y({ role: 'status' })}>
            共 {state.data.total} 条
          </Text>
          <View id="queue-list" {...a11y({ role: 'list', label: '维权诉求' })}>
            {state.data.items.map((g, i) => (
              <View
                className={`card grievance-queue__item${g.overdue ? ' grievance-queue__item--overdue' : ''}`}
                id={`queue-item-${i}`}
                key={g.id}
                {...a11y({ role: 'listitem' })}
              >
                <View className="gk__head">
                  <Text className="gk__status" id={`queue-item-status-${i}`}>
                    {GRIEVANCE_STATUS_LABELS[g.status]}
                  </Text>
                  {g.overdue && (
                    <Text className="gk__overdue" id={`queue-item-overdue-${i}`}>
                      ⚠ 已超期
                    </Text>
                  )}
                  <Text className="gk__kind">
                    {GRIEVANCE_TYPE_LABELS[g.type]} · {GRIEVANCE_TOPIC_LABELS[g.topic]}
                  </Text>
                </View>
                <Text className="note">
                  {g.home.name} · 提交于 {formatDate(`${g.createdOn}T12:00:00+08:00`)} · {g.anonymous ? '匿名' : '实名'}
                  {g.handler === 'upper' ? (g.escalated ? ' · 已转上级' : ' · 涉及工会工作') : ''}
                </Text>
                <Text className="gk__text" id={`queue-item-text-${i}`}>
                  {excerpt(g.content)}
                </Text>
                {!isCompleted(g.status, g.type) && (
                  <Text className="gk__line" id={`queue-item-due-${i}`}>
                    {g.status === 'submitted' ? `${acceptDueLine(g.acceptDueAt, g.deadlineProvisional)}；` : ''}
                    {finalDueLine(g.type, g.dueAt, g.deadlineProvisional)}
                  </Text>
                )}
                <Button
                  className="btn btn--secondary gk__wide"
                  id={`queue-item-open-${i}`}
                  {...a11y({
                    role: 'button',
                    label: `${g.canAct ? '处理' : '查看'}：${GRIEVANCE_TYPE_LABELS[g.type]}，${GRIEVANCE_STATUS_LABELS[g.status]}${g.overdue ? '，已超期' : ''}`,
                  })}
                  onClick={() => Taro.navigateTo({ url: pageUrl('/pages/grievance/index', { id: g.id, as: 'staff' }) })}
                >
                  {g.canAct ? '处理' : '查看'}
                </Button>
              </View>
            ))}
          </View>
          {state.data.more && (
            <Button
              className="btn btn--secondary gk__wide"
              id="queue-more"
              {...a11y({ role: 'button', label: '加载更多' })}
              loading={refreshing}
              onClick={() => reloadWith((shown) => fetchPage(state.data.page + 1, shown))}
            >
              加载更多
            </Button>
          )}
        </>
      )}
      <ActionButton className="btn btn--secondary gk__wide" id="queue-logout" label="退出登录" onClick={logout} />
    </View>
  );
}
