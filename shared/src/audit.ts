// The audit log's actions, in Chinese, for the log page and its export. An action missing here is
// shown by its key.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'org.bootstrap': '初始化省级工会',
  'org.create': '新建下级工会',
  'org.update': '修改工会信息',
  'org.move': '调整工会隶属关系',
  'org.deactivate': '停用工会',
  'org.reactivate': '恢复工会',
  'org.merge': '合并重复工会',
  'org.delete': '删除工会',
  'home.create': '新建职工之家',
  'home.update': '修改职工之家信息',
  'home.move': '调整职工之家隶属关系',
  'home.deactivate': '停用职工之家',
  'home.reactivate': '恢复职工之家',
  'home.merge': '合并重复职工之家',
  'home.delete': '删除职工之家',
  'campaign.create': '新建评议周期',
  'campaign.open': '开始评议',
  'campaign.close': '结束评议',
  'campaign.publish': '公布结果',
  'invite.create': '发出邀请',
  'invite.accept': '接受邀请',
  'grant.remove': '撤销权限',
  'login.unlock': '解除账号锁定',
  'comment.approve': '公开留言',
  'comment.reject': '驳回留言',
  'attachment.release': '放行待审附件',
  'attachment.reject': '驳回待审附件',
  'rectification.plan': '提交整改方案',
  'rectification.plan_revise': '修改整改方案',
  'rectification.progress': '报告整改进展',
  'rectification.sign_off': '验收整改',
  'rectification.send_back': '退回整改方案',
  'import.check': '批量导入预检',
  'import.apply': '批量导入工会和职工之家',
  'roster.import': '导入会员名册',
  'roster.reset_binding': '重置名册绑定',
  'calendar.set': '设置工作日历',
  'calendar.remove': '删除工作日历设置',
  'calendar.import': '导入法定节假日安排',
  'settings.update': '修改省级设置',
};

export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? action;

export const AUDIT_TARGET_LABELS: Record<string, string> = {
  org: '工会',
  home: '职工之家',
  campaign: '评议周期',
  invite: '邀请',
  grant: '权限',
  comment: '留言',
  rectification: '整改',
  calendar: '工作日历',
  user: '账号',
  attachment: '诉求附件',
};

/** The detail's keys, in Chinese. */
export const AUDIT_DETAIL_LABELS: Record<string, string> = {
  changes: '变更',
  from: '原上级',
  to: '新上级',
  into: '并入',
  moved: '随之移动',
  level: '级别',
  kind: '类型',
  memberCount: '会员人数',
  role: '角色',
};

/** An entry's detail as one line: 变更: 会员人数 1200 → 120；… */
export function describeAuditDetail(detail: Record<string, string | number | boolean | null>): string {
  return Object.entries(detail)
    .map(([k, v]) => `${AUDIT_DETAIL_LABELS[k] ?? k}：${v === null ? '—' : String(v)}`)
    .join('；');
}
