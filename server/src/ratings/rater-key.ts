import { createHmac } from 'node:crypto';

// Keyed hash of (campaign, home, member): stable for one member's re-ratings, meaningless without
// the server secret, and different for the same member in another campaign.
export function raterKey(secret: string, campaignId: string, homeId: string, userId: string): string {
  return createHmac('sha256', secret).update(`${campaignId}:${homeId}:${userId}`).digest('hex');
}
