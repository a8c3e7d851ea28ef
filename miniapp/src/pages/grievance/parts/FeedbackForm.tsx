import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import {
  GRIEVANCE_FEEDBACK_LABELS,
  GRIEVANCE_FEEDBACK_MAX,
  GRIEVANCE_FEEDBACK_VERDICTS,
  commentProblem,
  normalizeText,
  type GrievanceFeedbackRequest,
  type GrievanceStatus,
  type GrievanceFeedbackVerdict,
} from '@pingjia/shared';
import ChoiceGroup from '../../../components/ChoiceGroup';
import CountedTextarea from '../../../components/CountedTextarea';
import { errorMessage, isApiRequestError } from '../../../services/request';
import { a11y } from '../../../utils/a11y';
import ActionButton from '../../../components/Form/ActionButton';

const CHOICES = GRIEVANCE_FEEDBACK_VERDICTS.map((key) => ({ key, label: GRIEVANCE_FEEDBACK_LABELS[key] }));

interface Props<T> {
  /** reopened once already: this verdict ends the handling */
  reopened: boolean;
  /** sends the verdict (signed in, or by tracking code) */
  send: (body: GrievanceFeedbackRequest) => Promise<T>;
  onChanged: (next: T, done: string) => void;
  onRefresh: () => void;
}

/** The worker rates the handling: satisfied closes it; dissatisfied reopens it once. */
export default function FeedbackForm<T extends { status: GrievanceStatus }>({ reopened, send, onChanged, onRefresh }: Props<T>) {
  const [verdict, setVerdict] = useState<GrievanceFeedbackVerdict | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; stale: boolean } | null>(null);
  const normalized = normalizeText(comment);
  const problem = commentProblem(normalized, GRIEVANCE_FEEDBACK_MAX);
  const canSubmit = verdict !== null && !problem && !busy;

  const submit = async () => {
    if (!canSubmit || !verdict) return;
    const body: GrievanceFeedbackRequest = { verdict };
    if (normalized) body.comment = normalized;
    setBusy(true);
    setError(null);
    try {
      const next = await send(body);
      onChanged(next, next.status === 'closed' ? '感谢您的评价，诉求已结束办理' : '已收到您的评价，诉求将重新办理');
    } catch (e) {
      if (isApiRequestError(e) && e.status === 409) setError({ text: '状态已变化，请刷新后再评价。', stale: true });
      else setError({ text: isApiRequestError(e) && e.fields?.comment ? e.fields.comment : errorMessage(e), stale: false });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" id="feedback" {...a11y({ role: 'region', label: '评价办理结果' })}>
      <Text className="title">评价办理结果</Text>
      <Text className="note" id="feedback-note">
        {reopened
          ? '这条诉求已重新办理过一次，本次评价后将结束办理。'
          : '选择“不满意”，诉求将重新办理一次（只能一次）；选择“满意”，诉求结束办理。'}
      </Text>
      <ChoiceGroup idPrefix="feedback" title="您对办理结果满意吗？" choices={CHOICES} value={verdict} onChange={setVerdict} />
      <Text className="field-label">补充说明（选填）</Text>
      <CountedTextarea id="feedback-comment" label="补充说明（选填）" value={comment} max={GRIEVANCE_FEEDBACK_MAX} onInput={setComment} />
      {problem && (
        <Text className="field-error" id="error-feedback-comment">
          {problem}
        </Text>
      )}
      {error && (
        <View className="callout callout--error" id="feedback-error" {...a11y({ role: 'alert' })}>
          {error.text}
        </View>
      )}
      {error?.stale ? (
        <ActionButton className="btn btn--primary gk__wide" id="feedback-refresh" label="刷新" onClick={onRefresh} />
      ) : (
        <Button
          className={`btn btn--primary gk__wide${canSubmit ? '' : ' btn--disabled'}`}
          id="feedback-submit"
          {...a11y({ role: 'button', label: '提交评价', disabled: !canSubmit })}
          disabled={!canSubmit}
          loading={busy}
          onClick={submit}
        >
          提交评价
        </Button>
      )}
    </View>
  );
}
