import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { CAMPAIGN_STATUS_LABELS, nextCampaignStatus, type CampaignMove } from '@pingjia/shared';
import { useResource } from '../../../hooks/useResource';
import { createCampaign, getOrg, listCampaigns, moveCampaign, type CampaignListItem } from '../../../services/oversight';
import { a11y, fieldA11y, heading } from '../../../utils/a11y';
import { formatDate } from '../../../utils/format';
import { param } from '../../../utils/url';
import { FederationNav } from '../../components/Nav';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';
import FieldMessage from '../../components/StaffPage/FieldMessage';
import Notice from '../../components/StaffPage/Notice';
import { InputError, useAction } from '../../components/StaffPage/useAction';

const MOVES: Array<{ move: CampaignMove; label: string; done: string }> = [
  { move: 'open', label: '开始评议', done: '评议已开始' },
  { move: 'close', label: '结束评议', done: '评议已结束' },
  { move: 'publish', label: '公布结果', done: '结果已公布' },
];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** China time: a cycle opens at the start of its first day and closes at the end of its last. */
const dayStart = (day: string) => `${day}T00:00:00+08:00`;
const dayEnd = (day: string) => `${day}T23:59:59+08:00`;

/** Rating cycles of the org: create one, then open, close and publish it. */
export default function CampaignsPage() {
  const { params } = useRouter();
  const orgId = param(params.orgId);
  const { state, update, reload } = useResource(
    async () => {
      const [org, campaigns] = await Promise.all([getOrg(orgId), listCampaigns(orgId)]);
      return { org, campaigns };
    },
    [orgId],
    STAFF_PAGE,
  );
  const [name, setName] = useState('');
  const [opens, setOpens] = useState('');
  const [closes, setCloses] = useState('');
  const { busy, notice, run, fieldError } = useAction();

  const replace = (c: CampaignListItem) => update((data) => ({ ...data, campaigns: data.campaigns.map((x) => (x.id === c.id ? c : x)) }));

  const create = () =>
    run(async (key) => {
      if (name.trim().length < 2) throw new InputError('请填写评议周期名称（至少 2 个字）', 'name');
      if (!DAY.test(opens)) throw new InputError('请按 2026-12-01 的格式填写开始日期', 'opensAt');
      if (!DAY.test(closes)) throw new InputError('请按 2026-12-31 的格式填写结束日期', 'closesAt');
      const c = await createCampaign({ orgId, name: name.trim(), opensAt: dayStart(opens), closesAt: dayEnd(closes) }, key);
      update((data) => ({ ...data, campaigns: [{ ...c, manageable: true }, ...data.campaigns] }));
      setName('');
      return `已创建「${c.name}」，开始评议后会员即可参评`;
    });

  return (
    <StaffPage title="评议周期" wide state={state} onReload={reload} nav={<FederationNav active="campaigns" orgId={orgId} />}>
      {({ org, campaigns }) => (
        <>
          <View className="card">
            <Text className="ov-section" {...heading(2)}>
              {org.name}的评议周期
            </Text>
            {campaigns.length === 0 && (
              <Text className="ov-withheld" id="campaigns-empty">
                还没有评议周期
              </Text>
            )}
            {campaigns.map((c, i) => (
              <View key={c.id} className="ov-list-item" id={`campaign-${i}`}>
                <Text className="title">{c.name}</Text>
                <Text className="ov-sub" id={`campaign-status-${i}`}>
                  {CAMPAIGN_STATUS_LABELS[c.status]} · {formatDate(c.opensAt)} 至 {formatDate(c.closesAt)}
                  {c.manageable ? '' : ' · 由上级工会管理'}
                </Text>
                {c.manageable && (
                  <View className="ov-actions">
                    {MOVES.filter((m) => nextCampaignStatus(c.status, m.move)).map((m) => (
                      <Button
                        key={m.move}
                        id={`campaign-${m.move}-${i}`}
                        className={`btn btn--secondary${busy ? ' btn--disabled' : ''}`}
                        disabled={busy}
                        {...a11y({ role: 'button', label: `${m.label}：${c.name}`, disabled: busy })}
                        onClick={() =>
                          run(async () => {
                            replace({ ...(await moveCampaign(c.id, m.move)), manageable: true });
                            return `${c.name}：${m.done}`;
                          })
                        }
                      >
                        {m.label}
                      </Button>
                    ))}
                  </View>
                )}
              </View>
            ))}
          </View>
          <View className="card">
            <Text className="ov-section" {...heading(2)}>
              新建评议周期
            </Text>
            <Text className="ov-sub">评议覆盖{org.name}及其下级的全部职工之家。</Text>
            <Text className="field-label">名称</Text>
            <Input
              id="campaign-name"
              className="text-input"
              {...fieldA11y('评议周期名称')}
              value={name}
              placeholder="如：2026年度会员评家"
              onInput={(e) => setName(e.detail.value)}
            />
            <FieldMessage id="error-campaign-name" text={fieldError('name')} />
            <Text className="field-label">开始日期</Text>
            <Input
              id="campaign-opens"
              className="text-input"
              {...fieldA11y('开始日期，格式 2026-12-01')}
              value={opens}
              placeholder="2026-12-01"
              onInput={(e) => setOpens(e.detail.value.trim())}
            />
            <FieldMessage id="error-campaign-opens" text={fieldError('opensAt')} />
            <Text className="field-label">结束日期（含当天）</Text>
            <Input
              id="campaign-closes"
              className="text-input"
              {...fieldA11y('结束日期，格式 2026-12-31')}
              value={closes}
              placeholder="2026-12-31"
              onInput={(e) => setCloses(e.detail.value.trim())}
            />
            <FieldMessage id="error-campaign-closes" text={fieldError('closesAt')} />
            <Button
              id="campaign-create"
              className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
              disabled={busy}
              {...a11y({ role: 'button', label: '创建评议周期', disabled: busy })}
              onClick={create}
            >
              创建评议周期
            </Button>
          </View>
          <Notice id="campaigns-notice" text={notice?.text ?? null} error={notice?.error} />
        </>
      )}
    </StaffPage>
  );
}
