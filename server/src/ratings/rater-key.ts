import { createHmac } from 'node:crypto';

// Keyed hash of (campaign, home, member): stable for one member's re-ratings, meaningless without
// the server secret, and different for the same member in another campaign. The member is the user
// id in an open home and `entry:<roster entry id>` in a roster home (the rating belongs to the entry).
export function raterKey(secret: string, campaignId: string, homeId: string, subject: string): string {
  return createHmac('sha256', secret).update(`${campaignId}:${homeId}:${subject}`).digest('hex');
}
