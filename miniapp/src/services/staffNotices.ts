import Taro from '@tarojs/taro';
import type { GrievanceCounts, StaffNotifications, StaffWechatStatus } from '@pingjia/shared';
import { staffRequest } from './auth';

/** New, due-soon and overdue grievances the signed-in staff member handles. */
export function getGrievanceCounts(): Promise<GrievanceCounts> {
  return staffRequest<GrievanceCounts>({ path: '/api/grievances/counts' });
}

/** New grievances, reminders (催办) and escalations addressed to the signed-in staff member, newest first. */
export function getStaffNotifications(): Promise<StaffNotifications> {
  return staffRequest<StaffNotifications>({ path: '/api/notifications' });
}

export function markNotificationsRead(): Promise<void> {
  return staffRequest<void>({ method: 'POST', path: '/api/notifications/read' });
}

/** The signed-in staff member's WeChat messages opt-in. */
export function getStaffWechat(): Promise<StaffWechatStatus> {
  return staffRequest<StaffWechatStatus>({ path: '/api/me/wechat' });
}

/** Binds the WeChat this mini-program runs in (a wx.login code, exchanged by the server). */
export async function bindStaffWechat(): Promise<StaffWechatStatus> {
  const { code } = await Taro.login();
  return staffRequest<StaffWechatStatus>({ method: 'PUT', path: '/api/me/wechat', data: { code } });
}

export function unbindStaffWechat(): Promise<void> {
  return staffRequest<void>({ method: 'DELETE', path: '/api/me/wechat' });
}

/** The templates WeChat's subscribe popup said yes to: each is one message. */
export function acceptStaffTemplates(templateIds: string[]): Promise<StaffWechatStatus> {
  return staffRequest<StaffWechatStatus>({ method: 'POST', path: '/api/me/wechat/subscriptions', data: { templateIds } });
}
