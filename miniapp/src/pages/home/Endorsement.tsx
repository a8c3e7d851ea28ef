import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ENDORSEMENT_LABELS, ENDORSEMENT_VERDICTS, type EndorsementFigures, type EndorsementVerdict } from '@pingjia/shared';
import ChoiceGroup from '../../components/ChoiceGroup';
import { getEndorsementFigures, getMyEndorsement, putMyEndorsement } from '../../services/endorsements';
import { errorMessage } from '../../services/request';
import { a11y, heading } from '../../utils/a11y';

type Outcome = { kind: 'saved'; verdict: EndorsementVerdict } | { kind: 'error'; message: string } | null;

const CHOICES = ENDORSEMENT_VERDICTS.map((key) => ({ key, label: ENDORSEMENT_LABELS[key] }));

// What the server releases, said as it comes: the counting rules (shared/endorsements.ts) are applied there.
function figuresText(f: EndorsementFigures): string {
  if (f.open)
    return f.responded
      ? `已有 ${f.responded} 余位会员表态。认可与不认可的人数在上级工会验收整改后公布。`
      : '表态满 5 人后显示人数；认可与不认可的人数在上级工会验收整改后公布。';
  if (f.agree !== null && f.disagree !== null) return `共 ${f.responded} 位会员表态：认可 ${f.agree} 人，不认可 ${f.disagree} 人。`;
  return f.responded !== null
    ? `共 ${f.responded} 位会员表态；认可或不认可的一方不足 5 人，按规定不公布各自人数。`
    : '表态人数不足 5 人，按规定不公布。';
}

/** 认可/不认可: whether the plan answers the member's concerns; one answer, changeable until sign-off. */
export default function Endorsement({ campaignId, homeId, canAnswer }: { campaignId: string; homeId: string; canAnswer: boolean }) {
  const [figures, setFigures] = useState<EndorsementFigures | null>(null);
  const [mine, setMine] = useState<EndorsementVerdict | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const loadFigures = useCallback(() => {
    getEndorsementFigures(campaignId, homeId)
      .then(setFigures)
      .catch(() => setFigures(null));
  }, [campaignId, homeId]);

  useEffect(() => {
    loadFigures();
    if (!canAnswer) return;
    // Not knowing the member's earlier answer must not hide the choice: they can still give one.
    getMyEndorsement(campaignId, homeId)
      .then((m) => setMine(m.verdict))
      .catch(() => undefined);
  }, [campaignId, homeId, canAnswer, loadFigures]);

  const choose = async (verdict: EndorsementVerdict) => {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    try {
      const saved = await putMyEndorsement(campaignId, homeId, verdict);
      setMine(saved.verdict);
      setOutcome({ kind: 'saved', verdict });
      loadFigures();
    } catch (e) {
      setOutcome({ kind: 'error', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  if (!figures) return null;
  return (
    <View className="home__endorsement" id="endorsement" {...a11y({ role: 'region', label: '您是否认可整改方案' })}>
      <Text className="field-label" id="endorsement-heading" {...heading(3)}>
        您是否认可整改方案
      </Text>
      <Text className="note" id="endorsement-figures">
        {figuresText(figures)}
      </Text>
      {figures.open && canAnswer && (
        <>
          <ChoiceGroup
            idPrefix="endorse"
            title="整改方案是否回应了您关心的问题（不记名，验收前可以修改）"
            choices={CHOICES}
            value={mine}
            onChange={(v) => void choose(v)}
          />
          {outcome?.kind === 'saved' && (
            <Text className="callout callout--success" id="endorsement-saved" {...a11y({ role: 'status' })}>
              已记录您的意见：{ENDORSEMENT_LABELS[outcome.verdict]}。上级工会验收整改前可以修改。
            </Text>
          )}
          {outcome?.kind === 'error' && (
            <Text className="callout callout--error" id="endorsement-error" {...a11y({ role: 'alert' })}>
              {outcome.message}
            </Text>
          )}
        </>
      )}
    </View>
  );
}
