import { Text, View } from '@tarojs/components';
import { CRITERIA, TIER_LABELS, type PublicResults } from '@pingjia/shared';
import { a11y, heading } from '../../utils/a11y';
import { formatDate, formatMean, formatPercent } from '../../utils/format';
import Endorsement from './Endorsement';

// What the server published for this home, shown as it comes: the privacy rules are applied there, and a
// figure it holds back (null) is said to be held back, never worked out here.
const HELD_BACK = '不公布';
const percent = (rate: number | null | undefined) => (typeof rate === 'number' ? formatPercent(rate) : HELD_BACK);
const mean = (value: number | null | undefined) => (typeof value === 'number' ? formatMean(value) : HELD_BACK);

function Figure({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <View className="home__figure" id={id}>
      <Text className="home__figure-label">{label}</Text>
      <Text className="home__figure-value">{value}</Text>
    </View>
  );
}

/** The latest published cycle of this home: figures, title, the rectification plan and its progress. */
export default function Results({ published, canAnswer = true }: { published: PublicResults; canAnswer?: boolean }) {
  const { campaign, results, rectification } = published;
  if (!campaign) return null;
  return (
    <View className="card home__results" id="home-results" {...a11y({ role: 'region', label: '评议结果公示' })}>
      <Text className="home__campaign-name" id="results-campaign" {...heading(2)}>
        「{campaign.name}」评议结果
      </Text>
      {results && results.valid ? (
        <>
          <Text className="home__title" id="results-title">
            评定结果：{results.title ? TIER_LABELS[results.title] : HELD_BACK}
          </Text>
          <Figure id="results-satisfaction" label="会员满意率" value={percent(results.satisfactionRate)} />
          <Figure id="results-participation" label="参评率" value={percent(results.participationRate)} />
          {CRITERIA.map((c) => (
            <Figure
              key={c.key}
              id={`results-mean-${c.key}`}
              label={`${c.label}（平均分，满分 5 分）`}
              value={mean(results.means?.[c.key])}
            />
          ))}
        </>
      ) : (
        <Text className="note" id="results-withheld">
          本轮参评人数不足，按规定不公布具体结果。
        </Text>
      )}

      <Text className="field-label" id="results-plan-heading" {...heading(3)}>
        整改方案
      </Text>
      {rectification ? (
        <>
          <Text className="home__plan" id="results-plan">
            {rectification.plan}
          </Text>
          <Text className="note" id="results-plan-day">
            {formatDate(rectification.planOn)}公布
          </Text>
          {rectification.updates.map((u, i) => (
            <View className="home__update" key={i} id={`results-update-${i}`}>
              <Text className="note">{formatDate(u.day)}整改进展</Text>
              <Text className="home__plan">{u.text}</Text>
            </View>
          ))}
          {rectification.signedOffOn && (
            <Text className="callout callout--success" id="results-signed-off">
              上级工会已于{formatDate(rectification.signedOffOn)}验收本次整改
            </Text>
          )}
          <Endorsement campaignId={campaign.id} homeId={published.home.id} canAnswer={canAnswer} />
        </>
      ) : (
        <Text className="note" id="results-no-plan">
          工会尚未公布整改方案。
        </Text>
      )}
    </View>
  );
}
