import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import type { Rectification } from '@pingjia/shared';
import { useResource } from '../../../hooks/useResource';
import { getHomeDashboard } from '../../../services/dashboard';
import { getMe, getRectification, postRectification, signOffRectification } from '../../../services/oversight';
import { isApiRequestError } from '../../../services/request';
import { a11y, fieldA11y, heading } from '../../../utils/a11y';
import { param } from '../../../utils/url';
import { ChairNav } from '../../components/Nav';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';
import Notice from '../../components/StaffPage/Notice';
import { useAction } from '../../components/StaffPage/useAction';
import SubmitButton from '../../../components/Form/SubmitButton';
import './index.less';

interface Loaded {
  homeName: string;
  campaign: { id: string; name: string; status: string } | null;
  rectification: Rectification | null;
  /** a federation admin above the home signs off; the chair posts */
  canSignOff: boolean;
}

async function load(homeId: string, campaignId: string | undefined): Promise<Loaded> {
  const [dashboard, me] = await Promise.all([getHomeDashboard(homeId, campaignId), getMe()]);
  const campaign = dashboard.campaign;
  let rectification: Rectification | null = null;
  if (campaign) {
    // 404: no plan posted yet for this cycle.
    rectification = await getRectification(campaign.id, homeId).catch((e) => {
      if (isApiRequestError(e) && e.status === 404) return null;
      throw e;
    });
  }
  return { homeName: dashboard.home.name, campaign, rectification, canSignOff: me.roles.some((r) => r.role === 'federation_admin') };
}

/** 整改: after a cycle closes the chair posts a plan and reports progress; the federation signs it off. */
export default function RectificationPage() {
  const { params } = useRouter();
  const homeId = param(params.homeId);
  const campaignId = param(params.campaignId) || undefined;
  const { state, update, reload } = useResource(() => load(homeId, campaignId), [homeId, campaignId], STAFF_PAGE);
  const [plan, setPlan] = useState('');
  const [progress, setProgress] = useState('');
  const { busy, notice, run } = useAction();

  const act = (what: (idempotencyKey: string) => Promise<Rectification>, done: string, clear?: () => void) =>
    run(async (key) => {
      const rectification = await what(key);
      update((data) => ({ ...data, rectification }));
      clear?.();
      return done;
    });

  return (
    <StaffPage
      title="整改"
      state={state}
      onReload={reload}
      nav={<ChairNav active="rectification" homeId={homeId} campaignId={campaignId} />}
    >
      {({ homeName, campaign, rectification: r, canSignOff }) => {
        if (!campaign)
          return (
            <Text className="ov-withheld" id="rect-none">
              还没有评议周期，评议结束后再制定整改方案。
            </Text>
          );
        const signedOff = r?.status === 'signed_off';
        return (
          <>
            <View className="card">
              <Text className="ov-sub">
                {homeName} · {campaign.name}
              </Text>
              <Text className="rect__status" id="rect-status" {...a11y({ role: 'status' })}>
                {!r
                  ? '尚未提交整改方案'
                  : signedOff
                    ? `上级工会已于 ${r.signedOffOn} 验收`
                    : r.sentBack
                      ? `上级工会已于 ${r.sentBack.on} 退回整改方案，请修改后重新提交`
                      : `整改方案已于 ${r.planOn} 提交，等待上级工会验收`}
              </Text>
              {r?.sentBack && (
                <Text className="rect__plan" id="rect-sentback-reason">
                  退回理由：{r.sentBack.reason}
                </Text>
              )}
              {r && (
                <>
                  <Text className="ov-section" {...heading(2)}>
                    整改方案
                  </Text>
                  <Text className="rect__plan" id="rect-plan-text">
                    {r.plan}
                  </Text>
                  <Text className="ov-section" {...heading(2)}>
                    整改进展
                  </Text>
                  {r.updates.length === 0 && (
                    <Text className="ov-withheld" id="rect-updates-empty">
                      还没有进展报告
                    </Text>
                  )}
                  {r.updates.map((u, i) => (
                    <View key={i} className="ov-list-item" id={`rect-update-${i}`}>
                      <Text className="ov-sub">{u.day}</Text>
                      <Text>{u.text}</Text>
                    </View>
                  ))}
                </>
              )}
            </View>

            {!signedOff && (
              <View className="card">
                <Text className="field-label">{r ? '修改整改方案' : '整改方案'}</Text>
                <Textarea
                  id="rect-plan"
                  className="text-input rect__textarea"
                  {...fieldA11y(r ? '修改整改方案' : '整改方案')}
                  maxlength={2000}
                  value={plan}
                  placeholder="针对评议中反映的问题，写明整改措施、责任人和完成时间"
                  onInput={(e) => setPlan(e.detail.value)}
                />
                <SubmitButton
                  id="rect-plan-submit"
                  label="提交整改方案"
                  busy={busy || !plan.trim()}
                  onClick={() =>
                    act(
                      (key) => postRectification(campaign.id, homeId, { plan: plan.trim() }, key),
                      '整改方案已提交',
                      () => setPlan(''),
                    )
                  }
                />
                {r && (
                  <>
                    <Text className="field-label">报告整改进展</Text>
                    <Textarea
                      id="rect-progress"
                      className="text-input rect__textarea"
                      {...fieldA11y('报告整改进展')}
                      maxlength={1000}
                      value={progress}
                      placeholder="已完成的整改事项"
                      onInput={(e) => setProgress(e.detail.value)}
                    />
                    <SubmitButton
                      id="rect-progress-submit"
                      label="提交进展"
                      busy={busy || !progress.trim()}
                      secondary
                      onClick={() =>
                        act(
                          (key) => postRectification(campaign.id, homeId, { progress: progress.trim() }, key),
                          '进展已提交',
                          () => setProgress(''),
                        )
                      }
                    />
                  </>
                )}
                {r && canSignOff && (
                  <SubmitButton
                    id="rect-signoff"
                    label="验收整改"
                    text="验收整改（上级工会）"
                    busy={busy}
                    secondary
                    onClick={() => act(() => signOffRectification(campaign.id, homeId), '已验收')}
                  />
                )}
                <Text className="ov-sub">评议周期结束后才能提交整改方案；验收后不再修改。</Text>
              </View>
            )}
            <Notice id="rect-notice" text={notice?.text ?? null} error={notice?.error} />
          </>
        );
      }}
    </StaffPage>
  );
}
