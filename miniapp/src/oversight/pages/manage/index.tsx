import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  canNestOrg,
  HOME_KIND_LABELS,
  HOME_KINDS,
  ORG_LEVEL_LABELS,
  ORG_LEVELS,
  type HomeKind,
  type MembershipMode,
  type OrgLevel,
} from '@pingjia/shared';
import ChoiceGroup from '../../../components/ChoiceGroup';
import SubmitButton from '../../../components/Form/SubmitButton';
import TextField from '../../../components/Form/TextField';
import { useResource } from '../../../hooks/useResource';
import { createHome, createOrg, getOrg, getOrgChildren } from '../../../services/oversight';
import { a11y, heading } from '../../../utils/a11y';
import { param } from '../../../utils/url';
import { FederationNav } from '../../components/Nav';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';
import Notice from '../../components/StaffPage/Notice';
import { InputError, useAction } from '../../components/StaffPage/useAction';
import { go } from '../../lib/routes';
import Grants from './Grants';
import Invite from './Invite';
import StructureEditor from './StructureEditor';
import './index.less';
import ActionButton from '../../../components/Form/ActionButton';

const MODE_LABELS: Record<MembershipMode, string> = { open: '凡扫码即可评议', roster: '仅限名册内会员' };

/** The org's children: drill into a lower union, open a home, invite its chair; create orgs and homes. */
export default function ManagePage() {
  const { params } = useRouter();
  const orgId = param(params.orgId);
  const { state, reload } = useResource(
    async () => {
      const [org, children] = await Promise.all([getOrg(orgId), getOrgChildren(orgId)]);
      return { org, children: children.items };
    },
    [orgId],
    STAFF_PAGE,
  );
  const [orgName, setOrgName] = useState('');
  const [orgLevel, setOrgLevel] = useState<OrgLevel | null>(null);
  const [homeName, setHomeName] = useState('');
  const [kind, setKind] = useState<HomeKind>('enterprise');
  const [mode, setMode] = useState<MembershipMode>('open');
  const [members, setMembers] = useState('');
  const [workers, setWorkers] = useState('');
  const orgAction = useAction();
  // What the structure editor last did (the item it changed may have left the list).
  const [changed, setChanged] = useState<string | null>(null);
  const afterChange = async (message: string) => {
    setChanged(message);
    await reload();
  };
  const homeAction = useAction();

  const addOrg = () =>
    orgAction.run(async (key) => {
      if (orgName.trim().length < 2) throw new InputError('请填写下级工会名称（至少 2 个字）', 'name');
      if (!orgLevel) throw new InputError('请选择下级工会的级别', 'level');
      const o = await createOrg({ parentId: orgId, name: orgName.trim(), level: orgLevel }, key);
      setOrgName('');
      await reload();
      return `已创建「${o.name}」`;
    });

  const addHome = () =>
    homeAction.run(async (key) => {
      const memberCount = Number(members);
      const workerCount = workers.trim() ? Number(workers) : undefined;
      if (homeName.trim().length < 2) throw new InputError('请填写职工之家名称（至少 2 个字）', 'name');
      if (!Number.isInteger(memberCount) || memberCount < 1) throw new InputError('会员人数须为正整数', 'memberCount');
      if (workerCount !== undefined && (!Number.isInteger(workerCount) || workerCount < memberCount))
        throw new InputError('职工人数须为整数，且不少于会员人数', 'workerCount');
      const h = await createHome(
        {
          orgId,
          name: homeName.trim(),
          kind,
          memberCount,
          membershipMode: mode,
          ...(workerCount ? { workerCount } : {}),
        },
        key,
      );
      setHomeName('');
      setMembers('');
      setWorkers('');
      await reload();
      return `已创建「${h.name}」，可在上方列表中邀请其工会主席`;
    });

  return (
    <StaffPage title="组织与职工之家" wide state={state} onReload={reload} nav={<FederationNav active="manage" orgId={orgId} />}>
      {({ org, children }) => {
        const levels = ORG_LEVELS.filter((l) => canNestOrg(org.level, l));
        return (
          <>
            <View className="card">
              <Text className="ov-section" {...heading(2)}>
                {org.name}的下级
              </Text>
              {org.parentId && (
                <ActionButton
                  id="manage-up"
                  className="ov-link"
                  label="返回上级工会"
                  link
                  onClick={() => go('manage', { orgId: org.parentId })}
                />
              )}
              <Notice id="manage-structure-notice" text={changed} />
              {children.length === 0 && (
                <Text className="ov-withheld" id="manage-empty">
                  还没有下级工会或职工之家
                </Text>
              )}
              {children.map((c, i) => (
                <View key={c.id} className="ov-list-item" id={`manage-item-${i}`}>
                  <Text className="title">{c.name}</Text>
                  <Text className="ov-sub">
                    {c.type === 'org' ? ORG_LEVEL_LABELS[c.level] : `${HOME_KIND_LABELS[c.kind]} · 会员 ${c.memberCount} 人`}
                    {c.active ? '' : ' · 已停用'}
                  </Text>
                  <View className="ov-actions">
                    {c.type === 'org' ? (
                      <>
                        <Button
                          id={`manage-open-${i}`}
                          className="btn btn--secondary"
                          {...a11y({ role: 'link', label: `进入：${c.name}` })}
                          onClick={() => go('manage', { orgId: c.id })}
                        >
                          进入
                        </Button>
                        <Invite index={i} place={{ kind: 'orgs', id: c.id }} name={c.name} />
                        <Grants index={i} place={{ kind: 'orgs', id: c.id }} name={c.name} />
                      </>
                    ) : (
                      <>
                        <Button
                          id={`manage-open-${i}`}
                          className="btn btn--secondary"
                          {...a11y({ role: 'link', label: `查看${c.name}的评议结果` })}
                          onClick={() => go('chair', { homeId: c.id })}
                        >
                          评议结果
                        </Button>
                        {c.membershipMode === 'roster' && (
                          <Button
                            id={`manage-roster-${i}`}
                            className="btn btn--secondary"
                            {...a11y({ role: 'link', label: `会员名册：${c.name}` })}
                            onClick={() => go('roster', { homeId: c.id })}
                          >
                            会员名册
                          </Button>
                        )}
                        <Invite index={i} place={{ kind: 'homes', id: c.id }} name={c.name} />
                        <Grants index={i} place={{ kind: 'homes', id: c.id }} name={c.name} />
                      </>
                    )}
                    <StructureEditor
                      key={`${c.id}:${c.name}:${c.active}`}
                      index={i}
                      item={c}
                      org={org}
                      siblings={children}
                      onChanged={afterChange}
                    />
                  </View>
                </View>
              ))}
            </View>

            <View className="ov-columns">
              <View className="card">
                <Text className="ov-section" {...heading(2)}>
                  新建职工之家
                </Text>
                <TextField
                  id="home-name"
                  label="名称"
                  spoken="职工之家名称"
                  value={homeName}
                  placeholder="如：某某公司工会职工之家"
                  onInput={setHomeName}
                  error={homeAction.fieldError('name')}
                />
                <ChoiceGroup
                  idPrefix="home-kind"
                  title="类型"
                  layout="pills"
                  choices={HOME_KINDS.map((k) => ({ key: k, label: HOME_KIND_LABELS[k] }))}
                  value={kind}
                  onChange={setKind}
                  error={homeAction.fieldError('kind')}
                />
                <TextField
                  id="home-members"
                  label="会员人数（计算参评率的基数）"
                  spoken="会员人数"
                  type="number"
                  value={members}
                  placeholder="如：120"
                  onInput={setMembers}
                  error={homeAction.fieldError('memberCount')}
                />
                <TextField
                  id="home-workers"
                  label="职工人数（选填，用于入会率）"
                  spoken="职工人数，选填"
                  type="number"
                  value={workers}
                  placeholder="选填"
                  onInput={setWorkers}
                  error={homeAction.fieldError('workerCount')}
                />
                <ChoiceGroup
                  idPrefix="home-mode"
                  title="谁可以评议"
                  layout="pills"
                  choices={(['open', 'roster'] as const).map((k) => ({ key: k, label: MODE_LABELS[k] }))}
                  value={mode}
                  onChange={setMode}
                  error={homeAction.fieldError('membershipMode')}
                />
                <SubmitButton id="home-create" label="创建职工之家" busy={homeAction.busy} onClick={addHome} />
                <Notice id="home-notice" of={homeAction} />
              </View>

              {levels.length > 0 && (
                <View className="card">
                  <Text className="ov-section" {...heading(2)}>
                    新建下级工会
                  </Text>
                  <TextField
                    id="org-name"
                    label="名称"
                    spoken="下级工会名称"
                    value={orgName}
                    placeholder="如：某某区总工会"
                    onInput={setOrgName}
                    error={orgAction.fieldError('name')}
                  />
                  <ChoiceGroup
                    idPrefix="org-level"
                    title="级别"
                    layout="pills"
                    choices={levels.map((l) => ({ key: l, label: ORG_LEVEL_LABELS[l] }))}
                    value={orgLevel}
                    onChange={setOrgLevel}
                    error={orgAction.fieldError('level')}
                  />
                  <SubmitButton id="org-create" label="创建下级工会" busy={orgAction.busy} onClick={addOrg} />
                  <Notice id="org-notice" of={orgAction} />
                </View>
              )}
            </View>
          </>
        );
      }}
    </StaffPage>
  );
}
