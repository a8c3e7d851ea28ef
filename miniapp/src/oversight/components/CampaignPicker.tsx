import { CAMPAIGN_STARTED_STATUSES, CAMPAIGN_STATUS_LABELS } from '@pingjia/shared';
import type { CampaignListItem } from '@pingjia/shared';
import ChoiceGroup from '../../components/ChoiceGroup';

/** Which cycle a federation view shows (only cycles that have opened have figures). ids: fed-cycle-<campaignId>. */
export default function CampaignPicker({
  campaigns,
  value,
  onChange,
}: {
  campaigns: CampaignListItem[];
  value: string | null;
  onChange: (id: string) => void;
}) {
  const started = campaigns.filter((c) => CAMPAIGN_STARTED_STATUSES.includes(c.status));
  if (started.length < 2) return null;
  return (
    <ChoiceGroup
      idPrefix="fed-cycle"
      title="选择评议周期"
      layout="pills"
      choices={started.map((c) => ({ key: c.id, label: `${c.name}（${CAMPAIGN_STATUS_LABELS[c.status]}）` }))}
      value={value}
      onChange={onChange}
    />
  );
}
