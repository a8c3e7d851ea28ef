import type { HomeDashboard } from '@pingjia/shared';
import { staffRequest } from './auth';

export function getHomeDashboard(homeId: string, campaignId?: string): Promise<HomeDashboard> {
  const query = campaignId ? `?campaignId=${encodeURIComponent(campaignId)}` : '';
  return staffRequest<HomeDashboard>({ path: `/api/homes/${encodeURIComponent(homeId)}/dashboard${query}` });
}
