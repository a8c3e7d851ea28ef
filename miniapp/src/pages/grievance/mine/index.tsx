import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { GRIEVANCE_STATUS_LABELS, GRIEVANCE_TOPIC_LABELS, GRIEVANCE_TYPE_LABELS, type GrievanceSummary } from '@pingjia/shared';
import StatusView from '../../../components/StatusView';
import { useResource } from '../../../hooks/useResource';
import { listMyGrievances } from '../../../services/grievances';
import { a11y } from '../../../utils/a11y';
import { formatDate } from '../../../utils/format';
import { acceptDueLine, awaitsFeedback, finalDueLine, isCompleted } from '../../../utils/grievance';
import { pageUrl } from '../../../utils/url';
import '../kit.less';
import './index.less';
import ActionButton from '../../../components/Form/ActionButton';

const excerpt = (text: string) => (Array.from(text).length > 60 ? `${Array.from(text).slice(0, 60).join('')}…` : text);

/** The worker's own grievances (found by their account, anonymous ones too), newest first. */
export default function MyGrievancesPage() {
  // Again when coming back from a grievance (its status may have moved on).
  const { state, reload } = useResource(async () => (await listMyGrievances()).items, [], {
    reloadOnShow: true,
    emptyText: (items) => (items.length ? null : '您还没有提交过诉求。遇到劳动权益问题，可以点击“我要维权”向职工之家反映。'),
  });

  const open = (g: GrievanceSummary) => Taro.navigateTo({ url: pageUrl('/pages/grievance/index', { id: g.id }) });

  return (
    <View className="page grievance-mine" {...a11y({ role: 'main' })}>
      <View className="grievance-mine__top">
        <ActionButton
          className="btn btn--primary gk__wide"
          id="grievance-new"
          label="我要维权"
          onClick={() => Taro.navigateTo({ url: '/pages/grievance/new/index' })}
        />
        <ActionButton
          className="btn btn--secondary gk__wide"
          id="grievance-track-link"
          label="凭查询码查询"
          onClick={() => Taro.navigateTo({ url: '/pages/grievance/track/index' })}
        />
      </View>
      <Text className="note grievance-mine__note" id="grievance-mine-note">
        这里列出用本微信账号（网页版为本浏览器）提交的诉求，匿名诉求也在内，只有您自己能看到这个列表。换了账号或设备，请凭查询码查询。
      </Text>
      {state.kind === 'loading' && <StatusView kind="loading" id="grievance-mine-state" text="正在加载…" />}
      {state.kind === 'error' && <StatusView kind="error" id="grievance-mine-state" text={state.message} onRetry={reload} />}
      {state.kind === 'empty' && <StatusView kind="empty" id="grievance-mine-empty" text={state.text} />}
      {state.kind === 'ready' && (
        <View id="grievance-mine-list" {...a11y({ role: 'list', label: '我的诉求' })}>
          {state.data.map((g, i) => (
            <View className="card grievance-mine__item" id={`mine-grievance-${i}`} key={g.id} {...a11y({ role: 'listitem' })}>
              <View className="gk__head">
                <Text className="gk__status" id={`mine-grievance-status-${i}`}>
                  {GRIEVANCE_STATUS_LABELS[g.status]}
                </Text>
                <Text className="gk__kind">
                  {GRIEVANCE_TYPE_LABELS[g.type]} · {GRIEVANCE_TOPIC_LABELS[g.topic]}
                  {g.anonymous ? ' · 匿名' : ''}
                </Text>
              </View>
              <Text className="note">
                {g.home.name} · 提交于 {formatDate(`${g.createdOn}T12:00:00+08:00`)}
              </Text>
              <Text className="gk__text" id={`mine-grievance-text-${i}`}>
                {excerpt(g.content)}
              </Text>
              {!isCompleted(g.status, g.type) && (
                <Text className="note">
                  {g.status === 'submitted'
                    ? acceptDueLine(g.acceptDueAt, g.deadlineProvisional)
                    : finalDueLine(g.type, g.dueAt, g.deadlineProvisional)}
                </Text>
              )}
              {g.overdue && (
                <Text className="gk__overdue" id={`mine-grievance-overdue-${i}`}>
                  ⚠ 已超期，工会将被催办
                </Text>
              )}
              {awaitsFeedback(g) && (
                <Text className="grievance-mine__todo" id={`mine-grievance-todo-${i}`}>
                  待您评价办理结果
                </Text>
              )}
              <Button
                className="btn btn--secondary gk__wide"
                id={`mine-grievance-open-${i}`}
                {...a11y({ role: 'button', label: `查看进度：${GRIEVANCE_TYPE_LABELS[g.type]}，${GRIEVANCE_STATUS_LABELS[g.status]}` })}
                onClick={() => open(g)}
              >
                查看进度
              </Button>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
