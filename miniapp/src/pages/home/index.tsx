import { useEffect, type ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { decodeScene, type PublicResults, type Rating, type SceneLookup } from '@pingjia/shared';
import StatusView from '../../components/StatusView';
import { useResource } from '../../hooks/useResource';
import { readDraft, type RatingDraft, type RatingTarget } from '../../services/drafts';
import { fetchConfig } from '../../services/auth';
import { getPublicResults, lookupScene } from '../../services/homes';
import { outsideWechat } from '../../platform/webAuth';
import { getMembershipStatus } from '../../services/membership';
import { RATING_SENT } from '../../services/outbox';
import { getMyRating } from '../../services/ratings';
import { a11y } from '../../utils/a11y';
import { formatDeadline, isBefore } from '../../utils/format';
import { targetQuery } from '../../utils/target';
import { pageUrl } from '../../utils/url';
import CycleReminder from './CycleReminder';
import OpenInWechat from './OpenInWechat';
import Results from './Results';
import './index.less';
import ActionButton from '../../components/Form/ActionButton';

interface HomeView {
  lookup: SceneLookup;
  /** null when there is no campaign the member can rate now */
  target: RatingTarget | null;
  myRating: Rating | null;
  draft: RatingDraft | null;
  /** roster homes: false until the member has verified; open homes: true */
  verified: boolean;
  /** the latest published cycle's results and plan, for anyone who scans; null when they could not be read */
  published: PublicResults | null;
  /** H5 in a browser where members cannot sign in (not WeChat's): the page says to open it in WeChat */
  outside: boolean;
}

async function loadHome(scene: string): Promise<HomeView> {
  const lookup = await lookupScene(scene);
  const { home, campaign } = lookup;
  // Published results are extra: not reading them must not stop the rating.
  const published = getPublicResults(home.id).catch(() => null);
  if (process.env.TARO_ENV === 'h5') {
    const config = await fetchConfig().catch(() => null);
    if (config && outsideWechat(config))
      return { lookup, target: null, myRating: null, verified: true, draft: null, published: await published, outside: true };
  }
  // Only an open campaign before its closing time can be rated; the server checks again on submit.
  const open = campaign !== null && (campaign.status ?? 'open') === 'open' && isBefore(campaign.closesAt);
  const target: RatingTarget | null = open
    ? { homeId: home.id, homeName: home.name, campaignId: campaign.id, campaignName: campaign.name, closesAt: campaign.closesAt, scene }
    : null;
  let myRating: Rating | null = null;
  let verified = true;
  if (target) {
    // Not knowing about an earlier rating or the membership must not stop anyone: the rating form and the
    // server's MEMBERSHIP_REQUIRED answer catch up.
    const [rating, membership] = await Promise.all([
      getMyRating(target.campaignId, target.homeId).catch(() => null),
      home.membershipMode === 'roster' ? getMembershipStatus(home.id).catch(() => null) : Promise.resolve(null),
    ]);
    myRating = rating;
    if (membership) verified = membership.verified;
  }
  return {
    lookup,
    target,
    myRating,
    verified,
    draft: target ? readDraft(target.campaignId, target.homeId) : null,
    published: await published,
    outside: false,
  };
}

/** The member's own lists, reachable from every state of the page. */
function MineLink({ id, label, url }: { id: string; label: string; url: string }) {
  return (
    <Button className="btn btn--secondary home__mine" id={id} {...a11y({ role: 'button', label })} onClick={() => Taro.navigateTo({ url })}>
      {label}
    </Button>
  );
}

const MyRatingsLink = () => <MineLink id="my-ratings-link" label="我的评议" url="/pages/mine/index" />;
const MyGrievancesLink = () => <MineLink id="my-grievances-link" label="我的诉求" url="/pages/grievance/mine/index" />;

/** The start page without a home is also where chairs and federation staff come in (the oversight subpackage). */
function StaffEntry() {
  return (
    <View className="card home__staff" id="home-staff">
      <Text className="home__grievance-note">工会主席和各级工会工作人员请从这里进入。</Text>
      <ActionButton
        className="btn btn--secondary home__mine"
        id="staff-login-link"
        label="工作人员登录"
        link
        onClick={() => Taro.navigateTo({ url: '/oversight/pages/staff/index' })}
      />
      <ActionButton
        className="btn btn--secondary home__mine"
        id="staff-accept-link"
        label="接受邀请"
        link
        onClick={() => Taro.navigateTo({ url: '/oversight/pages/accept/index' })}
      />
    </View>
  );
}

/** Entry to the grievance form for this home. */
function GrievanceCard({ homeId, homeName }: { homeId: string; homeName: string }) {
  return (
    <View className="card home__grievance" id="home-grievance">
      <Text className="home__campaign-name">维权服务</Text>
      <Text className="home__grievance-note">
        遇到拖欠工资、劳动合同、工时休假、社会保险等劳动权益问题，可以向工会反映，可选择匿名；工会按时限受理和答复。
      </Text>
      <ActionButton
        className="btn btn--primary home__start"
        id="grievance-start"
        label="我要维权"
        onClick={() => Taro.navigateTo({ url: pageUrl('/pages/grievance/new/index', { homeId, homeName }) })}
      />
      <MyGrievancesLink />
    </View>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return (
    <View className="page home" {...a11y({ role: 'main' })}>
      {children}
    </View>
  );
}

export default function HomePage() {
  const { params } = useRouter();
  // weapp hands a QR scene over URL-encoded; decodeScene also rejects anything that is not a scene token.
  const scene = decodeScene(params.scene);
  // Coming back from the rating form shows the new state (reloadOnShow).
  const { state, reload } = useResource(() => loadHome(scene!), [scene], {
    missing: scene ? null : '请用微信扫描职工之家海报上的二维码进入评议',
    notFound: '未找到该职工之家，二维码可能已失效，请向本单位工会索取新的二维码',
    reloadOnShow: true,
  });

  // A saved draft sent in the background: show the new state.
  useEffect(() => {
    Taro.eventCenter.on(RATING_SENT, reload);
    return () => {
      Taro.eventCenter.off(RATING_SENT, reload);
    };
  }, [reload]);

  if (state.kind === 'empty') {
    return (
      <Shell>
        <StatusView kind="empty" id="home-status" text={state.text} />
        <MyRatingsLink />
        {state.cause === 'missing' && <MyGrievancesLink />}
        {state.cause === 'missing' && <StaffEntry />}
      </Shell>
    );
  }
  if (state.kind !== 'ready') {
    return (
      <Shell>
        {state.kind === 'error' ? (
          <StatusView kind="error" id="home-status" text={state.message} onRetry={reload} />
        ) : (
          <StatusView kind="loading" id="home-loading" text="正在加载…" />
        )}
      </Shell>
    );
  }

  const { home, campaign } = state.data.lookup;
  const { target, myRating, draft, verified, published, outside } = state.data;
  const deadline = target ? formatDeadline(target.closesAt) : '';
  const go = (path: string) => target && Taro.navigateTo({ url: pageUrl(path, targetQuery(target)) });
  const closedText =
    campaign && campaign.status === 'open'
      ? `本轮评议「${campaign.name}」已于${formatDeadline(campaign.closesAt)}截止，感谢您的关注。`
      : '本职工之家目前没有进行中的评议。评议开始后，扫描同一个二维码即可参加。';

  return (
    <Shell>
      <View className="card home__header">
        <Text className="home__name" id="home-name">
          {home.name}
        </Text>
        <Text className="home__org" id="home-org">
          {home.orgName}
        </Text>
      </View>
      {outside ? (
        <OpenInWechat scene={scene!} />
      ) : target ? (
        <View className="card home__campaign">
          <Text className="home__campaign-name" id="campaign-name">
            {target.campaignName}
          </Text>
          <Text className="home__closes" id="campaign-closes">
            截止时间：{deadline}
          </Text>
          {myRating && (
            <Text className="callout" id="already-rated">
              您已评议，{deadline}截止前可以修改。
            </Text>
          )}
          {draft?.queued && (
            <Text className="home__draft" id="home-draft" {...a11y({ role: 'status' })}>
              您有一份评议因网络问题尚未发送，已保存在本机，网络恢复后会自动发送。
            </Text>
          )}
          {draft && !draft.queued && (
            <Text className="home__draft" id="home-draft">
              您有尚未提交的评议内容，继续填写即可。
            </Text>
          )}
          {verified ? (
            <Button
              className="btn btn--primary home__start"
              id="start-rating"
              {...a11y({ role: 'button', label: myRating ? '修改评议' : draft ? '继续评议' : '开始评议' })}
              onClick={() => go('/pages/rate/index')}
            >
              {myRating ? '修改评议' : draft ? '继续评议' : '开始评议'}
            </Button>
          ) : (
            <>
              <Text className="home__verify-note" id="membership-note">
                本职工之家只接受名册内会员评议，请先验证会员身份（只需一次）。
              </Text>
              <ActionButton
                className="btn btn--primary home__start"
                id="verify-membership"
                label="验证会员身份"
                onClick={() => go('/pages/membership/index')}
              />
            </>
          )}
        </View>
      ) : (
        <View className="card">
          <StatusView kind="empty" id="home-status" text={closedText} />
        </View>
      )}
      {!outside && <CycleReminder homeId={home.id} />}
      {published && <Results published={published} canAnswer={!outside} />}
      <MyRatingsLink />
      <GrievanceCard homeId={home.id} homeName={home.name} />
      <Text className="home__note">评议不记名，工会主席看不到谁作出了哪条评价。</Text>
    </Shell>
  );
}
