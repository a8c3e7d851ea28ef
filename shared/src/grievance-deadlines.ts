// Deadlines with teeth (issue 19 item 5): what staff are told about the grievances they handle.

export const STAFF_NOTIFICATION_KINDS = ['reminded', 'escalated'] as const;
export type StaffNotificationKind = (typeof STAFF_NOTIFICATION_KINDS)[number];

export interface StaffNotificationView {
  id: string;
  grievanceId: string;
  kind: StaffNotificationKind;
  /** generic: the home and what happened, never the grievance's content or reporter */
  text: string;
  createdAt: string;
  read: boolean;
}

/** GET /api/notifications: the caller's own, newest first. */
export interface StaffNotifications {
  items: StaffNotificationView[];
  unread: number;
}

/** A grievance is due soon when its open limit ends within this many days (and has not passed). */
export const DUE_SOON_DAYS = 2;

/** GET /api/grievances/counts: what the staff start page shows, over the grievances the caller handles. */
export interface GrievanceCounts {
  /** submitted, not accepted yet */
  new: number;
  /** a limit ends within DUE_SOON_DAYS days */
  dueSoon: number;
  overdue: number;
}
