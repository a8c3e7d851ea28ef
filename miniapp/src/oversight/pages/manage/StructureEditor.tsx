import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import {
  HOME_KIND_LABELS,
  HOME_KINDS,
  OWNERSHIP_LABELS,
  OWNERSHIPS,
  type Home,
  type HomeKind,
  type MembershipMode,
  type Org,
  type OrgChildren,
  type Ownership,
} from '@pingjia/shared';
import ChoiceGroup from '../../../components/ChoiceGroup';
import SubmitButton from '../../../components/Form/SubmitButton';
import TextField from '../../../components/Form/TextField';
import { deleteThing, getOrg, getOrgChildren, mergeInto, moveTo, setActive, updateHome, updateOrg } from '../../../services/oversight';
import { a11y } from '../../../utils/a11y';
import Confirm from '../../components/StaffPage/Confirm';
import Notice from '../../components/StaffPage/Notice';
import { InputError, useAction } from '../../components/StaffPage/useAction';
import ActionButton from '../../../components/Form/ActionButton';

type Item = OrgChildren['items'][number];
type Asking = 'move' | 'active' | 'merge' | 'delete' | null;

const MODE_LABELS: Record<MembershipMode, string> = { open: '凡扫码即可评议', roster: '仅限名册内会员' };
const NO_OWNERSHIP = 'none';

/** What each irreversible step does, said before it is taken. */
function consequences(item: Item, target?: string): Record<Exclude<Asking, null>, string> {
  const what = item.type === 'home' ? '职工之家' : '工会';
  return {
    move:
      item.type === 'home'
        ? `「${item.name}」将移到「${target}」下：它的评议结果和维权诉求随之移动，涉及工会自身的诉求改由新的上级办理。正在评议中的不能移动。`
        : `「${item.name}」连同其下所有工会和职工之家将移到「${target}」下，由「${target}」及其上级管理。正在评议中的不能移动。`,
    active: item.active
      ? `停用后，「${item.name}」不再参加新的评议，扫码会提示“已停用”；历史评议结果和记录都保留，可随时恢复。`
      : `恢复后，「${item.name}」重新参加评议，扫码可正常使用。`,
    merge:
      item.type === 'home'
        ? `「${item.name}」将并入「${target}」：它的工会主席改任「${target}」的主席，然后「${item.name}」被删除。只有没有评议、诉求、整改和名册记录的重复职工之家才能合并，否则请改为停用。`
        : `「${item.name}」将并入「${target}」：其下的工会和职工之家移到「${target}」下，它的管理员改为管理「${target}」，然后「${item.name}」被删除。它有自己的评议周期或办理过诉求时不能合并，请改为停用。`,
    delete: `「${item.name}」将被永久删除，不能恢复。只有没有任何评议、诉求和下级的${what}才能删除；否则请停用。`,
  };
}

/**
 * Keeping one child of the manage page right over time: edit its details, move it under another org,
 * deactivate or reactivate it, merge a duplicate into its twin, or delete it. Each irreversible step
 * says what will happen and asks once more; the server refuses what would lose history, saying why.
 */
export default function StructureEditor({
  index,
  item,
  org,
  siblings,
  onChanged,
}: {
  index: number;
  item: Item;
  org: Org;
  siblings: Item[];
  /** after a change: the page shows the message (the item may have left the list) and reloads */
  onChanged: (message: string) => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState<Asking>(null);
  const action = useAction();
  const kind = item.type === 'home' ? 'homes' : 'orgs';
  const home = item.type === 'home' ? (item as Home) : null;

  const [name, setName] = useState(item.name);
  const [homeKind, setHomeKind] = useState<HomeKind>(home?.kind ?? 'enterprise');
  const [members, setMembers] = useState(home ? String(home.memberCount) : '');
  const [workers, setWorkers] = useState(home?.workerCount ? String(home.workerCount) : '');
  const [mode, setMode] = useState<MembershipMode>(home?.membershipMode ?? 'open');
  const [ownership, setOwnership] = useState<Ownership | typeof NO_OWNERSHIP>(home?.ownership ?? NO_OWNERSHIP);
  const [industry, setIndustry] = useState(home?.industry ?? '');

  // The move picker walks the tree from this page's org: up to its parent, down into lower unions.
  const [pickerAt, setPickerAt] = useState<{ org: Org; orgs: Org[] } | null>(null);
  const twins = siblings.filter(
    (s) => s.id !== item.id && s.type === item.type && (s.type === 'home' || (item.type === 'org' && s.level === item.level)),
  );
  const [mergeTarget, setMergeTarget] = useState<string | null>(null);

  const p = `manage-edit-${index}`;
  const done = async (message: string) => {
    // Done: the panel closes and the page says what happened (the item may have left the list).
    setAsking(null);
    setOpen(false);
    setPickerAt(null);
    await onChanged(`「${item.name}」${message}`);
    return message;
  };

  const save = () =>
    action.run(async () => {
      if (name.trim().length < 2) throw new InputError('名称至少 2 个字', 'name');
      if (!home) {
        await updateOrg(item.id, { name: name.trim() });
        return done('已保存');
      }
      const memberCount = Number(members);
      const workerCount = workers.trim() ? Number(workers) : null;
      if (!Number.isInteger(memberCount) || memberCount < 1) throw new InputError('会员人数须为正整数', 'memberCount');
      if (workerCount !== null && (!Number.isInteger(workerCount) || workerCount < memberCount))
        throw new InputError('职工人数须为整数，且不少于会员人数', 'workerCount');
      await updateHome(item.id, {
        name: name.trim(),
        kind: homeKind,
        memberCount,
        workerCount,
        membershipMode: mode,
        ownership: ownership === NO_OWNERSHIP ? null : ownership,
        industry: industry.trim() || null,
      });
      return done('已保存，修改已记入操作日志');
    });

  const browse = (orgId: string) =>
    action.run(async () => {
      const [at, children] = await Promise.all([getOrg(orgId), getOrgChildren(orgId)]);
      const orgs = children.items.filter((c): c is Extract<Item, { type: 'org' }> => c.type === 'org' && c.id !== item.id && c.active);
      setPickerAt({ org: at, orgs });
      setAsking(null);
      return '';
    });

  const act = (step: () => Promise<unknown>, message: string) =>
    action.run(async () => {
      await step();
      return done(message);
    });

  const text = consequences(
    item,
    asking === 'move' ? pickerAt?.org.name : asking === 'merge' ? twins.find((t) => t.id === mergeTarget)?.name : undefined,
  );

  const confirm = (step: Exclude<Asking, null>, label: string, run: () => void) =>
    asking === step && (
      <Confirm
        id={`${p}-confirm-${step}`}
        textId={`${p}-consequence-${step}`}
        yesId={`${p}-confirm-${step}-yes`}
        noId={`${p}-confirm-${step}-no`}
        yes={label}
        busy={action.busy}
        onYes={run}
        onNo={() => setAsking(null)}
      >
        {text[step]}
      </Confirm>
    );

  return (
    <>
      <Button
        id={`manage-adjust-${index}`}
        className="btn btn--secondary"
        {...a11y({ role: 'button', label: `${open ? '收起' : '调整'}：${item.name}` })}
        onClick={() => setOpen(!open)}
      >
        {open ? '收起' : '调整'}
      </Button>
      {open && (
        <View className="invite" id={p}>
          <TextField
            id={`${p}-name`}
            errorId={`${p}-error-name`}
            label="名称"
            value={name}
            onInput={setName}
            error={action.fieldError('name')}
          />
          {home && (
            <>
              <ChoiceGroup
                idPrefix={`${p}-kind`}
                title="类型"
                layout="pills"
                choices={HOME_KINDS.map((k) => ({ key: k, label: HOME_KIND_LABELS[k] }))}
                value={homeKind}
                onChange={setHomeKind}
              />
              <TextField
                id={`${p}-members`}
                errorId={`${p}-error-members`}
                label="会员人数（计算参评率的基数）"
                spoken="会员人数"
                type="number"
                value={members}
                onInput={setMembers}
                error={action.fieldError('memberCount')}
              />
              <TextField
                id={`${p}-workers`}
                errorId={`${p}-error-workers`}
                label="职工人数（选填）"
                spoken="职工人数，选填"
                type="number"
                value={workers}
                onInput={setWorkers}
                error={action.fieldError('workerCount')}
              />
              <ChoiceGroup
                idPrefix={`${p}-mode`}
                title="谁可以评议"
                layout="pills"
                choices={(['open', 'roster'] as const).map((k) => ({ key: k, label: MODE_LABELS[k] }))}
                value={mode}
                onChange={setMode}
              />
              <ChoiceGroup
                idPrefix={`${p}-ownership`}
                title="所有制"
                layout="pills"
                choices={[{ key: NO_OWNERSHIP, label: '未填' }, ...OWNERSHIPS.map((o) => ({ key: o, label: OWNERSHIP_LABELS[o] }))]}
                value={ownership}
                onChange={setOwnership}
              />
              <TextField
                id={`${p}-industry`}
                errorId={`${p}-error-industry`}
                label="行业（选填）"
                spoken="行业，选填"
                value={industry}
                onInput={setIndustry}
                error={action.fieldError('industry')}
              />
            </>
          )}
          <View className="ov-actions">
            <SubmitButton id={`${p}-save`} label="保存修改" busy={action.busy} onClick={save} />
            <Button
              id={`${p}-move`}
              className="btn btn--secondary"
              disabled={action.busy}
              {...a11y({ role: 'button', label: '调整隶属关系', disabled: action.busy })}
              onClick={() => browse(org.parentId ?? org.id)}
            >
              调整隶属关系
            </Button>
            <Button
              id={`${p}-active`}
              className="btn btn--secondary"
              {...a11y({ role: 'button', label: item.active ? '停用' : '恢复' })}
              onClick={() => setAsking('active')}
            >
              {item.active ? '停用' : '恢复'}
            </Button>
            <ActionButton id={`${p}-delete`} className="btn btn--secondary" label="删除" onClick={() => setAsking('delete')} />
          </View>

          {pickerAt && (
            <View className="invite" id={`${p}-picker`}>
              <Text className="field-label" id={`${p}-picker-at`}>
                移到：{pickerAt.org.name}
              </Text>
              <View className="ov-actions">
                {pickerAt.org.parentId && (
                  <ActionButton
                    id={`${p}-picker-up`}
                    className="btn btn--secondary"
                    label="上一级"
                    onClick={() => browse(pickerAt.org.parentId!)}
                  />
                )}
                {pickerAt.orgs.map((o, j) => (
                  <Button
                    key={o.id}
                    id={`${p}-picker-org-${j}`}
                    className="btn btn--secondary"
                    {...a11y({ role: 'button', label: `进入${o.name}` })}
                    onClick={() => browse(o.id)}
                  >
                    {o.name}
                  </Button>
                ))}
                <Button
                  id={`${p}-picker-here`}
                  className="btn btn--primary"
                  {...a11y({ role: 'button', label: `移到这里：${pickerAt.org.name}` })}
                  onClick={() => setAsking('move')}
                >
                  移到这里
                </Button>
              </View>
            </View>
          )}

          {twins.length > 0 && (
            <>
              <ChoiceGroup
                idPrefix={`${p}-twin`}
                title={`合并重复：把「${item.name}」并入`}
                layout="pills"
                choices={twins.map((t) => ({ key: t.id, label: t.name }))}
                value={mergeTarget}
                onChange={(k) => {
                  setMergeTarget(k);
                  setAsking('merge');
                }}
              />
            </>
          )}

          {confirm(
            'move',
            '确认移动',
            () => pickerAt && act(() => moveTo(kind, item.id, pickerAt.org.id), `已移到「${pickerAt.org.name}」下`),
          )}
          {confirm('active', item.active ? '确认停用' : '确认恢复', () =>
            act(() => setActive(kind, item.id, !item.active), item.active ? '已停用' : '已恢复'),
          )}
          {confirm(
            'merge',
            '确认合并',
            () =>
              mergeTarget &&
              action.run(async (key) => {
                await mergeInto(kind, item.id, mergeTarget, key);
                return done('已合并');
              }),
          )}
          {confirm('delete', '确认删除', () => act(() => deleteThing(kind, item.id), '已删除'))}
          <Notice id={`${p}-notice`} of={action} />
        </View>
      )}
    </>
  );
}
