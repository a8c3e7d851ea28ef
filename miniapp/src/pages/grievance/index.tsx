import { useEffect, useState, type ReactNode } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  GRIEVANCE_FEEDBACK_LABELS,
  GRIEVANCE_STATUS_LABELS,
  GRIEVANCE_TOPIC_LABELS,
  GRIEVANCE_TYPE_LABELS,
  isGrievanceEnded,
  type Grievance,
} from '@pingjia/shared';
import AttachmentList from '../../components/AttachmentList';
import { attachmentSource, signedInChannel } from '../../services/grievanceThread';
import GrievanceTimeline from '../../components/GrievanceTimeline';
import StaffLogin from '../../components/StaffLogin';
import StatusView from '../../components/StatusView';
import { useResource } from '../../hooks/useResource';
import { askToSubscribe, canSubscribe } from '../../platform/subscribe';
import {
  getGrievance,
  giveGrievanceFeedback,
  grievanceTemplateId,
  subscribeToGrievance,
  type GrievanceReader,
} from '../../services/grievances';
import { errorMessage } from '../../services/request';
import { a11y } from '../../utils/a11y';
import { formatDate } from '../../utils/format';
import { acceptDueLine, awaitsFeedback, finalDueLine, latestExtension, reporterCan, stateOfSummary } from '../../utils/grievance';
import { param } from '../../utils/url';
import FeedbackForm from './parts/FeedbackForm';
import HandlerActions from './parts/HandlerActions';
import ReporterPanel from './parts/ReporterPanel';
import './kit.less';
import './index.less';
import ActionButton from '../../components/Form/ActionButton';

function Shell({ children }: { children: ReactNode }) {
  return (
    <View className="page grievance" {...a11y({ role: 'main' })}>
      {children}
    </View>
  );
}

function Deadlines({ g }: { g: Grievance }) {
  const { completed } = stateOfSummary(g);
  const extension = latestExtension(g.timeline);
  return (
    <>
      {g.status === 'submitted' && (
        <Text className="gk__line" id="grievance-accept-due">
          {acceptDueLine(g.acceptDueAt, g.deadlineProvisional)}
        </Text>
      )}
      {!completed && !isGrievanceEnded(g.status) && (
        <Text className="gk__line" id="grievance-due">
          {finalDueLine(g.type, g.dueAt, g.deadlineProvisional)}
        </Text>
      )}
      {g.overdue && (
        <Text className="gk__overdue" id="grievance-overdue">
          ⚠ 已超期
        </Text>
      )}
      {extension && (
        <Text className="grievance__extension" id="grievance-extension">
          已延期{extension.days ? ` ${extension.days} 个工作日` : ''}。延期理由：{extension.message ?? '（未填写）'}
        </Text>
      )}
    </>
  );
}

/** One grievance: its content, limits and timeline; feedback for its reporter, actions for its handler. */
export default function GrievancePage() {
  const { params } = useRouter();
  const id = param(params.id);
  // Handlers arrive from the queue (as=staff) and use their password login; workers use their own session.
  const reader: GrievanceReader = param(params.as) === 'staff' ? 'staff' : 'member';
  // Every load starts the feedback and action panels afresh (`loads` in their keys: a refresh after "状态已变化" closes them).
  const { state, reload, update, loads } = useResource(() => getGrievance(reader, id), [id, reader], {
    staff: reader === 'staff',
    missing: id ? null : '缺少诉求编号，请从“我的诉求”进入。',
    notFound: '未找到这条诉求，或您无权查看。',
  });
  const [done, setDone] = useState<string | null>(null);
  const [subscribe, setSubscribe] = useState<{ templateId: string; result: string | null } | null>(null);
  const load = () => {
    setDone(null);
    reload();
  };

  useEffect(() => {
    if (canSubscribe && reader === 'member')
      grievanceTemplateId().then(
        (t) => t && setSubscribe({ templateId: t, result: null }),
        () => undefined,
      );
  }, [reader]);

  if (state.kind === 'login') {
    return (
      <Shell>
        <StaffLogin notice={state.notice} onLoggedIn={load} />
      </Shell>
    );
  }
  if (state.kind === 'loading') {
    return (
      <Shell>
        <StatusView kind="loading" id="grievance-state" text="正在加载…" />
      </Shell>
    );
  }
  if (state.kind === 'empty') {
    return (
      <Shell>
        <StatusView kind="empty" id="grievance-state" text={state.text} />
      </Shell>
    );
  }
  if (state.kind === 'error') {
    return (
      <Shell>
        <StatusView kind="error" id="grievance-state" text={state.message} onRetry={load} />
      </Shell>
    );
  }

  const g = state.data;
  const changed = (next: Grievance, text: string) => {
    update(() => next);
    setDone(text);
  };
  const askForMessage = async () => {
    if (!subscribe) return;
    const allowed = await askToSubscribe(subscribe.templateId);
    if (!allowed) return setSubscribe({ ...subscribe, result: '您没有允许通知，可以稍后再试。' });
    try {
      await subscribeToGrievance(g.id);
      setSubscribe({ ...subscribe, result: '好的，诉求下次有进展时会通过微信通知您。' });
    } catch (e) {
      setSubscribe({ ...subscribe, result: errorMessage(e) });
    }
  };

  return (
    <Shell>
      <View className="card">
        <View className="gk__head">
          <Text className="gk__status gk__status--big" id="grievance-status">
            {GRIEVANCE_STATUS_LABELS[g.status]}
          </Text>
          <Text className="gk__kind" id="grievance-kind">
            {GRIEVANCE_TYPE_LABELS[g.type]} · {GRIEVANCE_TOPIC_LABELS[g.topic]}
          </Text>
        </View>
        <Text className="note" id="grievance-home">
          {g.home.name}
        </Text>
        <Text className="note" id="grievance-created">
          提交于 {formatDate(`${g.createdOn}T12:00:00+08:00`)}
        </Text>
        {g.handler === 'upper' && (
          <Text className="note" id="grievance-handler">
            {g.escalated
              ? '已转上级工会办理'
              : g.filedTo === 'federation'
                ? '直接向工会反映，由工会办理'
                : '由上级工会办理（涉及工会工作）'}
          </Text>
        )}
        <Deadlines g={g} />
      </View>

      {done && (
        <View className="card gk__notice gk__notice--ok" id="grievance-done" {...a11y({ role: 'status' })}>
          {done}
        </View>
      )}

      <View className="card">
        <Text className="field-label">诉求内容</Text>
        <Text className="gk__text" id="grievance-content" selectable userSelect>
          {g.content}
        </Text>
        {g.contentHeld && !g.mine && (
          <Text className="note" id="grievance-held">
            该内容的自动安全检查未通过或未完成，需人工复核，请谨慎处理、勿对外转发。
          </Text>
        )}
        {!g.mine && (
          <Text className="note" id="grievance-reporter">
            {g.anonymous || !g.reporter
              ? '匿名提交：处理人看不到提交人信息。'
              : `提交人：${g.reporter.name ?? '未留姓名'}；联系电话：${g.reporter.contact ?? '未留'}（仅处理人可见，请勿外传）`}
          </Text>
        )}
        {g.mine && (
          <Text className="note" id="grievance-privacy">
            {g.anonymous
              ? '您是匿名提交的，处理人看不到您的身份。'
              : `您是实名提交的：您的姓名（如账号中有）${g.reporter?.contact ? `和联系电话 ${g.reporter.contact} ` : ''}仅处理人可见。`}
          </Text>
        )}
      </View>

      <GrievanceTimeline events={g.timeline} />

      {g.mine ? (
        <ReporterPanel
          key={`${loads}-${g.status}-${g.timeline.length}`}
          channel={signedInChannel(g.id)}
          can={reporterCan(g)}
          timeline={g.timeline}
          attachments={g.attachments}
          onChanged={changed}
          onAttached={(text) => {
            reload();
            setDone(text);
          }}
          onRefresh={load}
        />
      ) : (
        g.attachments.length > 0 && (
          <View className="card" id="evidence">
            <Text className="title">证据材料</Text>
            <Text className="note">职工上传的材料仅处理人可见，请勿外传。</Text>
            <AttachmentList
              attachments={g.attachments}
              source={(attachmentId) => attachmentSource(reader, g.id, attachmentId)}
              reporter={false}
            />
          </View>
        )
      )}

      {g.feedback && (
        <View className="card" id="grievance-feedback">
          <Text className="field-label">职工评价</Text>
          <Text>
            {GRIEVANCE_FEEDBACK_LABELS[g.feedback.verdict]}
            {g.feedback.comment ? `：${g.feedback.comment}` : ''}
          </Text>
        </View>
      )}

      {awaitsFeedback(g) && (
        <FeedbackForm
          key={`${loads}-${g.status}-${g.timeline.length}`}
          reopened={g.reopened}
          send={(body) => giveGrievanceFeedback(g.id, body)}
          onChanged={changed}
          onRefresh={load}
        />
      )}

      {g.mine && subscribe && !isGrievanceEnded(g.status) && (
        <View className="card">
          <ActionButton
            className="btn btn--secondary gk__wide"
            id="grievance-subscribe-more"
            label="下次有进展时通知我"
            onClick={askForMessage}
          />
          {subscribe.result && (
            <Text className="note" id="grievance-subscribe-result" {...a11y({ role: 'status' })}>
              {subscribe.result}
            </Text>
          )}
        </View>
      )}

      {(g.canAct || reader === 'staff') && (
        <HandlerActions
          key={`${loads}-${g.status}-${g.timeline.length}`}
          grievance={g}
          reader={reader}
          onChanged={changed}
          onRefresh={load}
        />
      )}

      <ActionButton className="btn btn--secondary gk__wide" id="grievance-reload" label="刷新" onClick={load} />
    </Shell>
  );
}
