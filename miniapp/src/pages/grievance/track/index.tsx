import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import {
  GRIEVANCE_FEEDBACK_LABELS,
  GRIEVANCE_STATUS_LABELS,
  GRIEVANCE_TYPE_LABELS,
  TRACKING_CODE_LENGTH,
  isTrackingCode,
  normalizeTrackingCode,
  type GrievanceTrack,
} from '@pingjia/shared';
import GrievanceTimeline from '../../../components/GrievanceTimeline';
import FeedbackForm from '../parts/FeedbackForm';
import ReporterPanel from '../parts/ReporterPanel';
import { codeChannel } from '../../../services/grievanceThread';
import StatusView from '../../../components/StatusView';
import { trackGrievance } from '../../../services/grievances';
import { errorMessage, isApiRequestError } from '../../../services/request';
import { a11y, fieldA11y } from '../../../utils/a11y';
import { finalDueLine, isCompleted } from '../../../utils/grievance';
import '../kit.less';
import './index.less';

type State =
  { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; code: string; track: GrievanceTrack };

/**
 * Public: whoever holds a tracking code — on any device, signed in or not — sees the conversation
 * (replies, questions, extension reasons, the result; no content, no names), answers the handler,
 * adds evidence, withdraws before an answer and rates the handling.
 */
export default function TrackGrievancePage() {
  const [code, setCode] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [done, setDone] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);

  const show = (normalized: string, track: GrievanceTrack, text: string | null) => {
    setState({ kind: 'ready', code: normalized, track });
    setDone(text);
    setLoads((n) => n + 1);
  };
  const refresh = async (text: string | null = null) => {
    if (state.kind !== 'ready') return;
    try {
      show(state.code, await trackGrievance(state.code), text);
    } catch (e) {
      setState({ kind: 'error', message: errorMessage(e) });
    }
  };

  const submit = async () => {
    const normalized = normalizeTrackingCode(code);
    if (!isTrackingCode(normalized)) {
      setInputError(`查询码是 ${TRACKING_CODE_LENGTH} 位字母和数字（可带短横线），请检查后重新输入`);
      return;
    }
    setInputError(null);
    setDone(null);
    setState({ kind: 'loading' });
    try {
      show(normalized, await trackGrievance(normalized), null);
    } catch (e) {
      if (isApiRequestError(e) && e.status === 404) setState({ kind: 'error', message: '没有找到这个查询码对应的诉求，请核对后重试。' });
      else setState({ kind: 'error', message: errorMessage(e) });
    }
  };

  return (
    <View className="page grievance-track" {...a11y({ role: 'main' })}>
      <View className="card">
        <Text className="field-label" id="track-code-label">
          查询码
        </Text>
        <Text className="note">
          输入提交诉求时显示的查询码，可以在任何设备上查看办理进度和工会的答复、回答工会的提问、补充材料和评价办理结果。查询结果不显示诉求内容和姓名。
        </Text>
        <Input
          id="track-code"
          className="text-input grievance-track__input"
          {...fieldA11y('查询码')}
          placeholder="例如 ABCD-EFGH-JKMN-PQRS-TVWX"
          maxlength={40}
          value={code}
          onInput={(e) => setCode(e.detail.value)}
          onConfirm={submit}
        />
        {inputError && (
          <Text className="field-error" id="track-code-error">
            {inputError}
          </Text>
        )}
        <Button
          className="btn btn--primary gk__wide"
          id="track-submit"
          {...a11y({ role: 'button', label: '查询进度' })}
          loading={state.kind === 'loading'}
          onClick={submit}
        >
          查询进度
        </Button>
      </View>
      {state.kind === 'loading' && <StatusView kind="loading" id="track-state" text="正在查询…" />}
      {state.kind === 'error' && <StatusView kind="error" id="track-state" text={state.message} />}
      {state.kind === 'ready' && (
        <>
          <View className="card" id="track-result" {...a11y({ role: 'region', label: '查询结果' })}>
            <Text className="gk__status gk__status--big" id="track-status">
              {GRIEVANCE_STATUS_LABELS[state.track.status]}
            </Text>
            <Text className="note" id="track-type">
              {GRIEVANCE_TYPE_LABELS[state.track.type]}
            </Text>
            {!isCompleted(state.track.status, state.track.type) && (
              <Text className="gk__line" id="track-due">
                {finalDueLine(state.track.type, state.track.dueAt, state.track.deadlineProvisional)}
              </Text>
            )}
            {state.track.overdue && (
              <Text className="gk__overdue" id="track-overdue">
                ⚠ 已超期
              </Text>
            )}
          </View>
          {done && (
            <View className="card gk__notice gk__notice--ok" id="track-done" {...a11y({ role: 'status' })}>
              {done}
            </View>
          )}
          <GrievanceTimeline events={state.track.timeline} />
          {state.track.feedback && (
            <View className="card" id="track-feedback">
              <Text className="field-label">您的评价</Text>
              <Text>
                {GRIEVANCE_FEEDBACK_LABELS[state.track.feedback.verdict]}
                {state.track.feedback.comment ? `：${state.track.feedback.comment}` : ''}
              </Text>
            </View>
          )}
          {state.track.can.feedback && (
            <FeedbackForm
              key={`feedback-${loads}`}
              reopened={state.track.reopened}
              send={(body) => codeChannel(state.code).feedback(body)}
              onChanged={(next, text) => show(state.code, next, text)}
              onRefresh={() => refresh()}
            />
          )}
          <ReporterPanel
            key={`panel-${loads}`}
            channel={codeChannel(state.code)}
            can={state.track.can}
            timeline={state.track.timeline}
            attachments={state.track.attachments}
            onChanged={(next, text) => show(state.code, next, text)}
            onAttached={(text) => refresh(text)}
            onRefresh={() => refresh()}
          />
        </>
      )}
    </View>
  );
}
