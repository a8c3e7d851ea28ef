import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { CRITERIA, VERDICT_LABELS, type Rating } from '@pingjia/shared';
import StatusView from '../../components/StatusView';
import { draftKey, listDrafts, type RatingDraft, type RatingTarget } from '../../services/drafts';
import { listRatedHomes } from '../../services/myRatings';
import { getMyRating } from '../../services/ratings';
import { isApiRequestError } from '../../services/request';
import { a11y } from '../../utils/a11y';
import { formatDate, formatDeadline, isBefore } from '../../utils/format';
import { targetQuery } from '../../utils/target';
import { pageUrl } from '../../utils/url';
import './index.less';

interface Entry {
  target: RatingTarget;
  ratedOn: string;
  draft: RatingDraft | null;
  /** what the server holds now: undefined while asking, null when it has none, 'unknown' when it could not be asked */
  rating?: Rating | null | 'unknown';
}

// Everything this device knows of: homes it sent a rating for, and drafts not sent yet.
function entriesOnDevice(): Entry[] {
  const drafts = new Map(listDrafts().map((d) => [draftKey(d.target.campaignId, d.target.homeId), d]));
  const entries: Entry[] = listRatedHomes().map(({ ratedOn, ...target }) => {
    const key = draftKey(target.campaignId, target.homeId);
    const draft = drafts.get(key) ?? null;
    drafts.delete(key);
    return { target, ratedOn, draft };
  });
  for (const draft of drafts.values()) entries.push({ target: draft.target, ratedOn: '', draft });
  return entries;
}

function RatingState({ entry, index }: { entry: Entry; index: number }) {
  const { rating, ratedOn } = entry;
  let text: string;
  if (rating === undefined) text = '正在查询当前评议…';
  else if (rating === 'unknown') text = '暂时无法查询当前评议，请稍后再试。';
  else if (rating === null) text = ratedOn ? '服务器上没有找到这条评议（可能是用其他微信账号提交的）。' : '尚未提交。';
  else
    text = `总体评价：${VERDICT_LABELS[rating.verdict]}；${CRITERIA.map((c) => `${c.label} ${rating.scores[c.key]} 分`).join('，')}。最近一次提交：${formatDate(rating.updatedOn)}`;
  return (
    <Text className="mine__state" id={`mine-state-${index}`}>
      {text}
    </Text>
  );
}

function draftText(draft: RatingDraft): string {
  if (draft.queued) return '有一次提交因网络问题尚未发送，已保存在本机，网络恢复后会自动发送。';
  if (draft.problem) return `有未提交的内容：${draft.problem}`;
  return '有尚未提交的内容。';
}

export default function MinePage() {
  const [entries, setEntries] = useState<Entry[] | null>(null);

  const load = useCallback(async () => {
    const found = entriesOnDevice();
    setEntries(found);
    // One at a time: a long list must not use up WeChat's 10 concurrent requests.
    for (let i = 0; i < found.length; i++) {
      const { campaignId, homeId } = found[i].target;
      let rating: Entry['rating'];
      try {
        rating = await getMyRating(campaignId, homeId);
      } catch (e) {
        rating = isApiRequestError(e) && e.status === 404 ? null : 'unknown';
      }
      setEntries((list) => list && list.map((entry, j) => (j === i ? { ...entry, rating } : entry)));
    }
  }, []);

  useDidShow(() => {
    load();
  });

  return (
    <View className="page mine" {...a11y({ role: 'main' })}>
      <Text className="note mine__note" id="mine-note">
        为保护匿名，服务器不保存您评议过哪些职工之家。以下记录只保存在本机，更换手机或清除微信数据后将不再显示。
      </Text>
      {entries === null ? (
        <StatusView kind="loading" text="正在加载…" />
      ) : entries.length === 0 ? (
        <StatusView kind="empty" id="mine-empty" text="本机还没有评议记录。扫描职工之家海报上的二维码即可参加评议。" />
      ) : (
        <View id="mine-list" {...a11y({ role: 'list', label: '我的评议' })}>
          {entries.map((entry, i) => {
            const { target, draft } = entry;
            const open = isBefore(target.closesAt);
            const action = draft ? '继续填写' : '修改评议';
            return (
              <View
                className="card mine__item"
                id={`mine-item-${i}`}
                key={draftKey(target.campaignId, target.homeId)}
                {...a11y({ role: 'listitem' })}
              >
                <Text className="title" id={`mine-home-${i}`}>
                  {target.homeName || '职工之家'}
                </Text>
                <Text className="mine__campaign">{target.campaignName}</Text>
                {entry.ratedOn && <Text className="mine__meta">本机提交于 {formatDate(entry.ratedOn)}</Text>}
                <RatingState entry={entry} index={i} />
                {draft && (
                  <Text className="mine__draft" id={`mine-draft-${i}`}>
                    {draftText(draft)}
                  </Text>
                )}
                <Text className="mine__meta">
                  {open ? `${formatDeadline(target.closesAt)}截止前可以修改` : '本轮评议已截止，不能再修改'}
                </Text>
                {open && (
                  <Button
                    className="btn btn--secondary mine__edit"
                    id={`mine-edit-${i}`}
                    {...a11y({ role: 'button', label: `${action}：${target.homeName || '职工之家'}` })}
                    onClick={() => Taro.navigateTo({ url: pageUrl('/pages/rate/index', targetQuery(target)) })}
                  >
                    {action}
                  </Button>
                )}
              </View>
            );
          })}
        </View>
      )}
    </View>
  );
}
