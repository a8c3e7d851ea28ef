// Deadlines with teeth (issue 19 item 5): what staff are told about the grievances they handle.

export const STAFF_NOTIFICATION_KINDS = ['new', 'reminded', 'escalated'] as const;
export type StaffNotificationKind = (typeof STAFF_NOTIFICATION_KINDS)[number];

/** Most subscribe messages a staff member can bank (each accepted request in WeChat allows one). */
export const STAFF_MESSAGE_CREDITS_MAX = 50;

/** GET /api/me/wechat (PUT binds with a wx.login code, DELETE unbinds): a staff member's WeChat messages opt-in. */
export interface StaffWechatStatus {
  /** the server sends them (WeChat and the staff template are set up) */
  available: boolean;
  bound: boolean;
  /** the template to ask for with wx.requestSubscribeMessage; null when not available */
  templateId: string | null;
  /** messages still allowed: one per accepted request, used by new, reminded and escalated grievances */
  remaining: number;
}

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

/** GET /api/cycle-messages: whether members can ask, on their home's page, to be told when a cycle opens. */
export interface CycleMessageStatus {
  available: boolean;
  /** the template to ask for with wx.requestSubscribeMessage; null when not available */
  templateId: string | null;
}
