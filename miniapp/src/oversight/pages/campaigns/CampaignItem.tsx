import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import {
  CAMPAIGN_STATUS_LABELS,
  chinaDay,
  isCampaignEditable,
  nextCampaignStatus,
  type Campaign,
  type CampaignConfirmation,
  type CampaignListItem,
  type CampaignMove,
} from '@pingjia/shared';
import { extendCampaign, getCampaignConfirmation, moveCampaign, updateCampaign } from '../../../services/oversight';
import { isApiRequestError } from '../../../services/request';
import { a11y } from '../../../utils/a11y';
import { formatDate } from '../../../utils/format';
import DateField from '../../components/DateField';
import Notice from '../../components/StaffPage/Notice';
import { InputError, useAction } from '../../components/StaffPage/useAction';
import CampaignForm from './CampaignForm';
import ActionButton from '../../../components/Form/ActionButton';
import SubmitButton from '../../../components/Form/SubmitButton';

interface MoveText {
  label: string;
  done: string;
  /** what follows, said in the confirmation; moves without one happen on the tap */
  consequence?: string;
}

// The moves in the order offered; each shows only where the status allows it.
const MOVES: Array<{ move: CampaignMove } & MoveText> = [
  { move: 'schedule', label: '预约开始', done: '已预约，到开始日期自动开始评议' },
  { move: 'unschedule', label: '撤回预约', done: '已撤回预约，回到草稿' },
  {
    move: 'open',
    label: '立即开始',
    done: '评议已开始',
    consequence: '开始后会员即可扫码评价；各职工之家的会员人数按现在的数字计入本轮，名称和日期不能再修改。',
  },
  { move: 'close', label: '结束评议', done: '评议已结束', consequence: '结束后会员不能再评价，本轮结果随即生成。此操作不能撤销。' },
  { move: 'publish', label: '公布结果', done: '结果已公布', consequence: '公布后职工在职工之家主页可以看到本轮结果。此操作不能撤销。' },
  { move: 'cancel', label: '取消草稿', done: '草稿已取消', consequence: '取消后这个草稿不能再使用。' },
];

type Panel = { kind: 'edit' } | { kind: 'extend' } | { kind: 'confirm'; move: CampaignMove; confirmation: CampaignConfirmation } | null;

/**
 * One cycle of the list: its status, days and owner, and — for the owner's admins only — what can be
 * done now. Closing, publishing, opening and cancelling first show who owns the cycle and how many homes
 * it covers, and ask. ids end in the item's index: campaign-<i>, campaign-status-<i>, campaign-owner-<i>,
 * campaign-<move>-<i>, campaign-edit-<i>, campaign-extend-<i>, campaign-confirm-<i>…
 */
export default function CampaignItem({
  index: i,
  campaign: c,
  onChange,
}: {
  index: number;
  campaign: CampaignListItem;
  onChange: (c: Campaign) => void;
}) {
  const [panel, setPanel] = useState<Panel>(null);
  const [extendTo, setExtendTo] = useState('');
  const { busy, notice, run, fieldError } = useAction();
  const moves = MOVES.filter((m) => nextCampaignStatus(c.status, m.move));

  const move = (m: (typeof MOVES)[number]) =>
    run(async () => {
      const shown = panel?.kind === 'confirm' ? panel.confirmation : null;
      try {
        onChange(await moveCampaign(c.id, m.move, shown ? { name: shown.campaign.name, homes: shown.homes } : undefined));
      } catch (e) {
        // The cycle or its homes changed since the confirmation was shown: show the figures now, ask again.
        if (isApiRequestError(e) && e.code === 'CONFIRMATION_MISMATCH')
          setPanel({ kind: 'confirm', move: m.move, confirmation: await getCampaignConfirmation(c.id) });
        throw e;
      }
      setPanel(null);
      return `${c.name}：${m.done}`;
    });

  const ask = (m: (typeof MOVES)[number]) =>
    m.consequence
      ? run(async () => {
          setPanel({ kind: 'confirm', move: m.move, confirmation: await getCampaignConfirmation(c.id) });
          return '';
        })
      : move(m);

  const extend = () =>
    run(async () => {
      if (!extendTo) throw new InputError('请选择新的结束日期', 'closesAt');
      onChange(await extendCampaign(c.id, `${extendTo}T23:59:59+08:00`));
      setPanel(null);
      return `${c.name}：已延长至${formatDate(`${extendTo}T12:00:00+08:00`)}`;
    });

  const asked = panel?.kind === 'confirm' ? MOVES.find((m) => m.move === panel.move)! : null;
  return (
    <View className="ov-list-item" id={`campaign-${i}`}>
      <Text className="title">{c.name}</Text>
      <Text className="ov-sub" id={`campaign-status-${i}`}>
        {CAMPAIGN_STATUS_LABELS[c.status]} · {formatDate(c.opensAt)} 至 {formatDate(c.closesAt)}
      </Text>
      <Text className="ov-sub" id={`campaign-owner-${i}`}>
        组织单位：{c.owner.name}
        {c.manageable ? '' : '（由上级工会管理，本级只能查看）'}
      </Text>
      {c.manageable && !panel && (
        <View className="ov-actions">
          {isCampaignEditable(c.status) && (
            <SubmitButton
              id={`campaign-edit-${i}`}
              label={`修改：${c.name}`}
              text="修改"
              secondary
              busy={busy}
              onClick={() => setPanel({ kind: 'edit' })}
            />
          )}
          {c.status === 'open' && (
            <SubmitButton
              id={`campaign-extend-${i}`}
              label={`延长：${c.name}`}
              text="延长"
              secondary
              busy={busy}
              onClick={() => {
                setExtendTo(chinaDay(c.closesAt));
                setPanel({ kind: 'extend' });
              }}
            />
          )}
          {moves.map((m) => (
            <SubmitButton
              key={m.move}
              id={`campaign-${m.move}-${i}`}
              label={`${m.label}：${c.name}`}
              text={m.label}
              secondary
              busy={busy}
              onClick={() => ask(m)}
            />
          ))}
        </View>
      )}
      {panel?.kind === 'edit' && (
        <CampaignForm
          idPrefix={`campaign-edit-form-${i}`}
          submitLabel="保存修改"
          initial={c}
          onCancel={() => setPanel(null)}
          onSubmit={async (fields) => {
            onChange(await updateCampaign(c.id, fields));
            setPanel(null);
            return '';
          }}
        />
      )}
      {panel?.kind === 'extend' && (
        <View className="invite" id={`campaign-extend-box-${i}`}>
          <DateField
            id={`campaign-extend-date-${i}`}
            label="新的结束日期（含当天）"
            value={extendTo}
            start={chinaDay(c.closesAt)}
            error={fieldError('closesAt')}
            onChange={setExtendTo}
          />
          <View className="ov-actions">
            <SubmitButton id={`campaign-extend-save-${i}`} label="确认延长" spinner busy={busy} onClick={extend} />
            <ActionButton
              id={`campaign-extend-cancel-${i}`}
              className="btn btn--secondary"
              label="不延长了"
              onClick={() => setPanel(null)}
            />
          </View>
        </View>
      )}
      {panel?.kind === 'confirm' && asked && (
        <View className="invite" id={`campaign-confirm-box-${i}`} {...a11y({ role: 'region', label: `${asked.label}确认` })}>
          <Text className="title" id={`campaign-confirm-title-${i}`}>
            {asked.label}：「{panel.confirmation.campaign.name}」
          </Text>
          <Text className="ov-sub" id={`campaign-confirm-owner-${i}`}>
            组织单位：{panel.confirmation.owner.name}
          </Text>
          <Text className="ov-sub" id={`campaign-confirm-homes-${i}`}>
            覆盖职工之家：{panel.confirmation.homes} 个
          </Text>
          <Text className="ov-sub">{asked.consequence}</Text>
          <View className="ov-actions">
            <SubmitButton
              id={`campaign-confirm-${i}`}
              label={`确认${asked.label}：${c.name}`}
              text={`确认${asked.label}`}
              spinner
              busy={busy}
              onClick={() => move(asked)}
            />
            <ActionButton
              id={`campaign-confirm-cancel-${i}`}
              className="btn btn--secondary"
              label="先不了"
              onClick={() => setPanel(null)}
            />
          </View>
        </View>
      )}
      <Notice id={`campaign-notice-${i}`} text={notice?.text || null} error={notice?.error} />
    </View>
  );
}
