import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import {
  GRIEVANCE_ACTION_MESSAGE,
  GRIEVANCE_MESSAGE_MAX,
  grievanceActionProblems,
  normalizeText,
  type Grievance,
  type GrievanceAction,
  type GrievanceActionRequest,
} from '@pingjia/shared';
import CountedTextarea from '../../../components/CountedTextarea';
import FieldMessage from '../../../components/Form/FieldMessage';
import { actOnGrievance, type GrievanceReader } from '../../../services/grievances';
import { errorMessage, isApiRequestError } from '../../../services/request';
import { a11y, fieldA11y } from '../../../utils/a11y';
import { availableActions } from '../../../utils/grievance';
import ActionButton from '../../../components/Form/ActionButton';

interface ActionText {
  button: string;
  confirm: string;
  /** what the confirmation asks */
  question: string;
  /** the message field's label (whether it is asked for, and required, is shared's GRIEVANCE_ACTION_MESSAGE) */
  message: string | null;
  done: string;
}

const ACTIONS: Record<GrievanceAction, ActionText> = {
  accept: {
    button: '受理',
    confirm: '确认受理',
    question: '确认受理这条诉求？受理后请在期限内办理并答复职工。',
    message: null,
    done: '已受理',
  },
  reply: { button: '答复', confirm: '确认答复', question: '答复内容职工可以看到。', message: '答复内容（职工可见）', done: '已答复' },
  resolve: {
    button: '办结',
    confirm: '确认办结',
    question: '办结后职工可以对办理结果作出评价；不满意的将重新办理一次。',
    message: '办结说明（职工可见）',
    done: '已办结',
  },
  extend: {
    button: '申请延期',
    confirm: '确认延期',
    question: '每轮办理只能延期一次，须在期限届满前申请。延期理由职工可以看到。',
    message: '延期理由（职工可见）',
    done: '已延期',
  },
  escalate: {
    button: '转上级工会',
    confirm: '确认转上级工会',
    question: '转给上级工会办理后，本会将不能再处理这条诉求。',
    message: '转办说明（选填）',
    done: '已转上级工会',
  },
  ask: {
    button: '向职工提问',
    confirm: '发送问题',
    question: '职工回答前不能再提新的问题；匿名职工可凭查询码看到并回答。',
    message: '问题（职工可见）',
    done: '问题已发送，等待职工回答',
  },
};

interface Props {
  grievance: Grievance;
  reader: GrievanceReader;
  onChanged: (g: Grievance, done: string) => void;
  onRefresh: () => void;
}

/** The handler's moves, each behind a confirmation; only the moves the workflow allows now are offered. */
export default function HandlerActions({ grievance, reader, onChanged, onRefresh }: Props) {
  const [open, setOpen] = useState<GrievanceAction | null>(null);
  const [message, setMessage] = useState('');
  const [days, setDays] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; stale: boolean; field?: 'message' | 'days' } | null>(null);
  // The longest extension is the grievance's province's (its settings, in the server's answer).
  const maxDays = grievance.limits.maxExtensionDays;
  const actions = availableActions(grievance).filter((a) => a !== 'extend' || maxDays > 0);

  if (!actions.length) {
    return (
      <View className="card" id="action-none">
        <Text className="note">{grievance.canAct ? '当前状态下没有需要您处理的操作。' : '您只能查看这条诉求，不能处理。'}</Text>
      </View>
    );
  }

  const choose = (action: GrievanceAction) => {
    setOpen(action);
    setMessage('');
    setDays('');
    setError(null);
  };

  const text = open ? ACTIONS[open] : null;
  const normalized = normalizeText(message);
  const daysNumber = Number(days);

  const confirm = async () => {
    if (!open || !text || busy) return;
    // The same checks as the server's (shared): a required message, its length, the extension days.
    const problems = grievanceActionProblems(
      {
        action: open,
        message: GRIEVANCE_ACTION_MESSAGE[open] ? normalized : undefined,
        days: open === 'extend' ? daysNumber : undefined,
      },
      maxDays,
    );
    if (problems.message) return setError({ text: problems.message, stale: false, field: 'message' });
    if (problems.days) return setError({ text: problems.days, stale: false, field: 'days' });
    const body: GrievanceActionRequest = { action: open };
    if (GRIEVANCE_ACTION_MESSAGE[open] && normalized) body.message = normalized;
    if (open === 'extend') body.days = daysNumber;
    setBusy(true);
    setError(null);
    try {
      const next = await actOnGrievance(reader, grievance.id, body);
      setOpen(null);
      onChanged(next, text.done);
    } catch (e) {
      if (isApiRequestError(e) && e.status === 409) setError({ text: '状态已变化，请刷新后再操作。', stale: true });
      else if (isApiRequestError(e) && e.status === 403) setError({ text: `${e.message}，请刷新查看最新状态。`, stale: true });
      else if (isApiRequestError(e) && e.fields) {
        const field = e.fields.days ? 'days' : e.fields.message ? 'message' : undefined;
        setError({ text: (field && e.fields[field]) || Object.values(e.fields).join('；') || e.message, stale: false, field });
      } else setError({ text: errorMessage(e), stale: false });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card grievance__actions" id="grievance-actions" {...a11y({ role: 'region', label: '处理诉求' })}>
      <Text className="title">处理诉求</Text>
      {!open && (
        <View className="grievance__action-buttons">
          {actions.map((action) => (
            <Button
              key={action}
              className={`btn ${action === 'escalate' || action === 'extend' ? 'btn--secondary' : 'btn--primary'} gk__wide`}
              id={`action-${action}`}
              {...a11y({ role: 'button', label: ACTIONS[action].button })}
              onClick={() => choose(action)}
            >
              {ACTIONS[action].button}
            </Button>
          ))}
        </View>
      )}
      {open && text && (
        <View className="grievance__panel" id="action-panel" {...a11y({ role: 'region', label: text.confirm })}>
          <Text className="grievance__question" id="action-question">
            {text.question}
          </Text>
          {text.message && (
            <>
              <Text className="field-label">{text.message}</Text>
              <CountedTextarea id="action-message" label={text.message} value={message} max={GRIEVANCE_MESSAGE_MAX} onInput={setMessage} />
              <FieldMessage id="error-action-message" text={error?.field === 'message' ? error.text : undefined} />
            </>
          )}
          {open === 'extend' && (
            <>
              <Text className="field-label">延长的工作日数（最多 {maxDays} 个工作日）</Text>
              <Input
                id="action-days"
                className="text-input"
                {...fieldA11y(`延长的工作日数，1 到 ${maxDays}`)}
                type="number"
                maxlength={2}
                value={days}
                onInput={(e) => setDays(e.detail.value)}
              />
              <FieldMessage id="error-action-days" text={error?.field === 'days' ? error.text : undefined} />
            </>
          )}
          {/* a field's message stands under its field; anything else (a conflict, a refusal) here */}
          {error && !error.field && (
            <View className="callout callout--error" id="action-error" {...a11y({ role: 'alert' })}>
              {error.text}
            </View>
          )}
          {error?.stale ? (
            <ActionButton className="btn btn--primary gk__wide" id="action-refresh" label="刷新" onClick={onRefresh} />
          ) : (
            <Button
              className={`btn btn--primary gk__wide${busy ? ' btn--disabled' : ''}`}
              id="action-confirm"
              {...a11y({ role: 'button', label: text.confirm, disabled: busy })}
              disabled={busy}
              loading={busy}
              onClick={confirm}
            >
              {text.confirm}
            </Button>
          )}
          <ActionButton className="btn btn--secondary gk__wide" id="action-cancel" label="取消" onClick={() => setOpen(null)} />
        </View>
      )}
    </View>
  );
}
