import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import {
  GRIEVANCE_ATTACHMENT_MAX_BYTES,
  GRIEVANCE_ATTACHMENT_MAX_COUNT,
  GRIEVANCE_MESSAGE_MAX,
  isBlankText,
  normalizeText,
  sniffAttachmentType,
  textLength,
  type GrievanceAttachment,
  type GrievanceTimelineEvent,
} from '@pingjia/shared';
import AttachmentList from '../../../components/AttachmentList';
import CountedTextarea from '../../../components/CountedTextarea';
import { PICK_SOURCES, pickFile } from '../../../platform/files';
import type { ReporterChannel } from '../../../services/grievanceThread';
import { errorMessage, isApiRequestError } from '../../../services/request';
import { a11y } from '../../../utils/a11y';
import ActionButton from '../../../components/Form/ActionButton';

interface Props<T> {
  channel: ReporterChannel<T>;
  can: { answer: boolean; withdraw: boolean; attach: boolean };
  timeline: GrievanceTimelineEvent[];
  attachments: GrievanceAttachment[];
  onChanged: (next: T, done: string) => void;
  /** a new attachment was stored: the page reloads its list */
  onAttached: (done: string) => void;
  onRefresh: () => void;
}

type Busy = null | 'answer' | 'withdraw' | 'attach';

/** What the worker can do on their grievance, signed in or by tracking code: answer, add evidence, withdraw. */
export default function ReporterPanel<T>({ channel, can, timeline, attachments, onChanged, onAttached, onRefresh }: Props<T>) {
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState<Busy>(null);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const [error, setError] = useState<{ where: Exclude<Busy, null>; text: string; stale: boolean } | null>(null);
  const question = [...timeline].reverse().find((e) => e.kind === 'asked');
  const normalized = normalizeText(answer);
  const answerProblem = isBlankText(normalized)
    ? null
    : textLength(normalized) > GRIEVANCE_MESSAGE_MAX
      ? `不能超过 ${GRIEVANCE_MESSAGE_MAX} 个字`
      : null;

  const run = async (where: Exclude<Busy, null>, work: () => Promise<void>) => {
    if (busy) return; // a double tap sends once
    setBusy(where);
    setError(null);
    try {
      await work();
    } catch (e) {
      const stale = isApiRequestError(e) && e.status === 409;
      const field = isApiRequestError(e) ? (e.fields?.message ?? e.fields?.file) : undefined;
      setError({ where, text: field ?? errorMessage(e), stale });
    } finally {
      setBusy(null);
    }
  };

  const sendAnswer = () =>
    run('answer', async () => {
      if (isBlankText(normalized)) throw new Error('blank');
      const next = await channel.answer({ message: normalized });
      setAnswer('');
      onChanged(next, '回答已发送给处理人');
    }).catch(() => undefined);

  const attach = (source: string) =>
    run('attach', async () => {
      const bytes = await pickFile(source);
      if (!bytes) return;
      // Checked here to save a wasted upload; the server checks the same again by content.
      if (bytes.byteLength > GRIEVANCE_ATTACHMENT_MAX_BYTES) {
        setError({ where: 'attach', text: `文件不能超过 ${GRIEVANCE_ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`, stale: false });
        return;
      }
      if (!sniffAttachmentType(new Uint8Array(bytes.slice(0, 16)))) {
        setError({ where: 'attach', text: '只能上传 JPG、PNG、WebP 图片或 PDF 文件', stale: false });
        return;
      }
      await channel.attach(bytes);
      onAttached('附件已上传，照片中的位置等信息已去除');
    });

  const withdraw = () =>
    run('withdraw', async () => {
      const next = await channel.withdraw();
      setConfirmWithdraw(false);
      onChanged(next, '诉求已撤回，工会将不再办理');
    });

  const errorFor = (where: Exclude<Busy, null>) =>
    error?.where === where && (
      <View className="callout callout--error" id={`${where}-error`} {...a11y({ role: 'alert' })}>
        {error.text}
        {error.stale && <ActionButton className="btn btn--secondary gk__wide" id={`${where}-refresh`} label="刷新" onClick={onRefresh} />}
      </View>
    );

  return (
    <>
      {can.answer && question && (
        <View className="card" id="answer" {...a11y({ role: 'region', label: '回答处理人的问题' })}>
          <Text className="title">处理人的问题</Text>
          <Text className="gk__text" id="answer-question">
            {question.message}
          </Text>
          <Text className="field-label">您的回答</Text>
          <CountedTextarea id="answer-text" label="您的回答" value={answer} max={GRIEVANCE_MESSAGE_MAX} onInput={setAnswer} />
          {answerProblem && (
            <Text className="field-error" id="error-answer-text">
              {answerProblem}
            </Text>
          )}
          {errorFor('answer')}
          <Button
            className={`btn btn--primary gk__wide${isBlankText(normalized) || answerProblem ? ' btn--disabled' : ''}`}
            id="answer-submit"
            {...a11y({ role: 'button', label: '发送回答', disabled: isBlankText(normalized) || !!answerProblem })}
            disabled={isBlankText(normalized) || !!answerProblem || busy !== null}
            loading={busy === 'answer'}
            onClick={sendAnswer}
          >
            发送回答
          </Button>
        </View>
      )}

      {(attachments.length > 0 || can.attach) && (
        <View className="card" id="evidence" {...a11y({ role: 'region', label: '证据材料' })}>
          <Text className="title">证据材料</Text>
          <Text className="note" id="evidence-note">
            可上传工资条、合同等的照片或 PDF，每件诉求最多 {GRIEVANCE_ATTACHMENT_MAX_COUNT} 个、每个不超过{' '}
            {GRIEVANCE_ATTACHMENT_MAX_BYTES / 1024 / 1024} MB。照片中的拍摄位置等信息会被去除；只有您和处理人能看到。
          </Text>
          <AttachmentList attachments={attachments} source={(id) => channel.attachmentUrl(id)} reporter />
          {can.attach &&
            attachments.length < GRIEVANCE_ATTACHMENT_MAX_COUNT &&
            PICK_SOURCES.map((s) => (
              <Button
                key={s.key}
                className="btn btn--secondary gk__wide"
                id={`attach-${s.key}`}
                {...a11y({ role: 'button', label: s.label })}
                disabled={busy !== null}
                loading={busy === 'attach'}
                onClick={() => attach(s.key)}
              >
                {s.label}
              </Button>
            ))}
          {errorFor('attach')}
        </View>
      )}

      {can.withdraw && (
        <View className="card" id="withdraw" {...a11y({ role: 'region', label: '撤回诉求' })}>
          {!confirmWithdraw ? (
            <ActionButton
              className="btn btn--secondary gk__wide"
              id="withdraw-start"
              label="撤回诉求"
              onClick={() => setConfirmWithdraw(true)}
            />
          ) : (
            <>
              <Text className="note" id="withdraw-question">
                确认撤回这条诉求？撤回后工会将不再办理，且不能恢复；如仍需帮助，需要重新提交。
              </Text>
              {errorFor('withdraw')}
              <Button
                className="btn btn--primary gk__wide"
                id="withdraw-confirm"
                {...a11y({ role: 'button', label: '确认撤回' })}
                disabled={busy !== null}
                loading={busy === 'withdraw'}
                onClick={withdraw}
              >
                确认撤回
              </Button>
              <ActionButton
                className="btn btn--secondary gk__wide"
                id="withdraw-cancel"
                label="不撤回"
                onClick={() => setConfirmWithdraw(false)}
              />
            </>
          )}
        </View>
      )}
    </>
  );
}
