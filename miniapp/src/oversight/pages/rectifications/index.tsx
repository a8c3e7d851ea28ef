import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { RECTIFICATION_STATE_LABELS, RECTIFICATION_STATES, type RectificationOverviewItem, type RectificationState } from '@pingjia/shared';
import ChoiceGroup from '../../../components/ChoiceGroup';
import { useResource } from '../../../hooks/useResource';
import { getRectificationOverview, listCampaigns, sendBackRectification, signOffRectification } from '../../../services/oversight';
import { a11y, fieldA11y, heading } from '../../../utils/a11y';
import { param } from '../../../utils/url';
import CampaignPicker from '../../components/CampaignPicker';
import { FederationNav } from '../../components/Nav';
import Pager from '../../components/Pager';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';
import Notice from '../../components/StaffPage/Notice';
import { useAction } from '../../components/StaffPage/useAction';
import { go } from '../../lib/routes';
import SubmitButton from '../../../components/Form/SubmitButton';
import './index.less';

const FINISHED = ['closed', 'published'];

async function load(orgId: string, wanted: string | undefined, state: RectificationState | undefined, page: number) {
  const campaigns = (await listCampaigns(orgId)).filter((c) => FINISHED.includes(c.status));
  const campaign = campaigns.find((c) => c.id === wanted) ?? [...campaigns].sort((a, b) => b.opensAt.localeCompare(a.opensAt))[0];
  if (!campaign) return { campaigns, overview: null };
  return { campaigns, overview: await getRectificationOverview(orgId, campaign.id, state, page) };
}

/** 整改跟踪: per closed cycle, which homes' plans are missing, overdue, returned, awaiting sign-off or signed off. */
export default function RectificationsPage() {
  const { params } = useRouter();
  const orgId = param(params.orgId);
  const [campaignId, setCampaignId] = useState(param(params.campaignId) || undefined);
  const [filter, setFilter] = useState<RectificationState | undefined>(undefined);
  const [page, setPage] = useState(1);
  const { state, reload } = useResource(() => load(orgId, campaignId, filter, page), [orgId, campaignId, filter, page], STAFF_PAGE);
  const { busy, notice, run } = useAction();
  // One home at a time: the one being sent back (with its reason) or asked to confirm the sign-off.
  const [asking, setAsking] = useState<{ homeId: string; kind: 'send_back' | 'sign_off' } | null>(null);
  const [reason, setReason] = useState('');

  const act = (cid: string, h: RectificationOverviewItem, kind: 'send_back' | 'sign_off') =>
    run(async () => {
      if (kind === 'send_back') await sendBackRectification(cid, h.home.id, reason.trim());
      else await signOffRectification(cid, h.home.id);
      setAsking(null);
      setReason('');
      reload();
      return kind === 'send_back' ? `已退回${h.home.name}的整改方案` : `已验收${h.home.name}的整改`;
    });

  return (
    <StaffPage
      title="整改跟踪"
      wide
      state={state}
      onReload={reload}
      nav={<FederationNav active="rectifications" orgId={orgId} campaignId={campaignId} />}
    >
      {({ campaigns, overview: o }) => {
        if (!o)
          return (
            <Text className="ov-withheld" id="rects-none">
              还没有结束的评议周期。评议结束后，各职工之家在省级设置的期限内（默认 30 天）提交整改方案，这里跟踪提交、退回和验收情况。
            </Text>
          );
        const cid = o.campaign.id;
        return (
          <>
            <View className="card">
              <Text className="ov-sub" id="rects-campaign">
                {o.campaign.name}：整改方案应于 {o.campaign.planDue} 前提交
              </Text>
              <CampaignPicker
                campaigns={campaigns}
                value={cid}
                onChange={(id) => {
                  setCampaignId(id);
                  setPage(1);
                }}
              />
              <ChoiceGroup
                idPrefix="rects-filter"
                title="按整改情况筛选"
                layout="pills"
                choices={[
                  { key: 'all', label: `全部（${RECTIFICATION_STATES.reduce((n, s) => n + o.counts[s], 0)}）` },
                  ...RECTIFICATION_STATES.map((s) => ({ key: s, label: `${RECTIFICATION_STATE_LABELS[s]}（${o.counts[s]}）` })),
                ]}
                value={filter ?? 'all'}
                onChange={(k) => {
                  setFilter(k === 'all' ? undefined : (k as RectificationState));
                  setPage(1);
                }}
              />
            </View>
            <View className="card">
              <Text className="ov-section" {...heading(2)}>
                职工之家（{o.total} 家）
              </Text>
              {o.items.length === 0 && (
                <Text className="ov-withheld" id="rects-empty">
                  没有这种情况的职工之家
                </Text>
              )}
              {o.items.map((h, i) => {
                const open = asking?.homeId === h.home.id ? asking.kind : null;
                const canDecide = h.state === 'in_progress' || h.state === 'awaiting_sign_off';
                return (
                  <View key={h.home.id} className="ov-list-item rects__item" id={`rects-item-${i}`}>
                    <Text className="title" id={`rects-name-${i}`}>
                      {h.home.name}
                    </Text>
                    <Text className="ov-sub" id={`rects-state-${i}`}>
                      {RECTIFICATION_STATE_LABELS[h.state]}
                      {h.planOn ? ` · 方案 ${h.planOn}` : ''}
                      {h.updates ? ` · 进展 ${h.updates} 次（最近 ${h.lastUpdateOn}）` : ''}
                      {h.signedOffOn ? ` · 验收 ${h.signedOffOn}` : ''}
                    </Text>
                    {h.sentBack && (
                      <Text className="rects__reason" id={`rects-reason-${i}`}>
                        {h.sentBack.on} 退回：{h.sentBack.reason}
                      </Text>
                    )}
                    <View className="ov-actions">
                      <Button
                        id={`rects-open-${i}`}
                        className="btn btn--secondary"
                        {...a11y({ role: 'link', label: `查看${h.home.name}的整改` })}
                        onClick={() => go('rectification', { homeId: h.home.id, campaignId: cid })}
                      >
                        查看
                      </Button>
                      {canDecide && !open && (
                        <Button
                          id={`rects-sendback-${i}`}
                          className="btn btn--secondary"
                          {...a11y({ role: 'button', label: `退回${h.home.name}的整改方案` })}
                          onClick={() => setAsking({ homeId: h.home.id, kind: 'send_back' })}
                        >
                          退回
                        </Button>
                      )}
                      {h.state === 'awaiting_sign_off' && !open && (
                        <Button
                          id={`rects-signoff-${i}`}
                          className="btn btn--primary"
                          {...a11y({ role: 'button', label: `验收${h.home.name}的整改` })}
                          onClick={() => setAsking({ homeId: h.home.id, kind: 'sign_off' })}
                        >
                          验收
                        </Button>
                      )}
                    </View>
                    {open === 'send_back' && (
                      <View>
                        <Text className="field-label">退回理由（主席会看到）</Text>
                        <Textarea
                          id={`rects-reason-input-${i}`}
                          className="text-input rects__textarea"
                          {...fieldA11y('退回理由')}
                          maxlength={500}
                          value={reason}
                          placeholder="写明方案需要补充或修改的地方"
                          onInput={(e) => setReason(e.detail.value)}
                        />
                        <View className="ov-actions">
                          <SubmitButton
                            id={`rects-sendback-confirm-${i}`}
                            label={`确认退回${h.home.name}的整改方案`}
                            text="确认退回"
                            busy={busy || !reason.trim()}
                            onClick={() => act(cid, h, 'send_back')}
                          />
                          <Button id={`rects-cancel-${i}`} className="btn btn--secondary" onClick={() => setAsking(null)}>
                            取消
                          </Button>
                        </View>
                      </View>
                    )}
                    {open === 'sign_off' && (
                      <View>
                        <Text className="ov-sub" id={`rects-signoff-note-${i}`}>
                          验收后{h.home.name}的整改方案和进展不能再修改。
                        </Text>
                        <View className="ov-actions">
                          <SubmitButton
                            id={`rects-signoff-confirm-${i}`}
                            label={`确认验收${h.home.name}的整改`}
                            text="确认验收"
                            busy={busy}
                            onClick={() => act(cid, h, 'sign_off')}
                          />
                          <Button id={`rects-cancel-${i}`} className="btn btn--secondary" onClick={() => setAsking(null)}>
                            取消
                          </Button>
                        </View>
                      </View>
                    )}
                  </View>
                );
              })}
              <Pager id="rects-pager" page={o.page} pageSize={o.pageSize} total={o.total} onPage={setPage} />
            </View>
            <Notice id="rects-notice" text={notice?.text ?? null} error={notice?.error} />
          </>
        );
      }}
    </StaffPage>
  );
}
