import type { GrievanceCounts, StaffNotifications } from '@pingjia/shared';
import { staffRequest } from './auth';

/** New, due-soon and overdue grievances the signed-in staff member handles. */
export function getGrievanceCounts(): Promise<GrievanceCounts> {
  return staffRequest<GrievanceCounts>({ path: '/api/grievances/counts' });
}

/** Reminders (催办) and escalations addressed to the signed-in staff member, newest first. */
export function getStaffNotifications(): Promise<StaffNotifications> {
  return staffRequest<StaffNotifications>({ path: '/api/notifications' });
}

export function markNotificationsRead(): Promise<void> {
  return staffRequest<void>({ method: 'POST', path: '/api/notifications/read' });
}
