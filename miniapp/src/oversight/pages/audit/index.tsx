import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { AuditEvent, Role } from '@pingjia/shared';
import { useResource } from '../../../hooks/useResource';
import { getAudit } from '../../../services/oversight';
import { param } from '../../../utils/url';
import DataTable, { type Column } from '../../components/DataTable';
import { FederationNav } from '../../components/Nav';
import Pager from '../../components/Pager';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';

const ACTIONS: Record<string, string> = {
  'org.create': '新建下级工会',
  'home.create': '新建职工之家',
  'campaign.create': '新建评议周期',
  'campaign.open': '开始评议',
  'campaign.close': '结束评议',
  'campaign.publish': '公布结果',
  'invite.create': '发出邀请',
  'invite.accept': '接受邀请',
  'grant.remove': '撤销权限',
  'comment.approve': '公开留言',
  'comment.reject': '驳回留言',
  'rectification.plan': '提交整改方案',
  'rectification.plan_revise': '修改整改方案',
  'rectification.progress': '报告整改进展',
  'rectification.sign_off': '验收整改',
  'roster.import': '导入会员名册',
  'roster.reset_binding': '重置名册绑定',
};
const ROLES: Record<Role, string> = { member: '会员', chair: '工会主席', federation_admin: '上级工会管理员' };

/** China time, to the minute: 2026-05-01 09:30. */
function when(iso: string): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  return new Date(t + 8 * 3600e3).toISOString().slice(0, 16).replace('T', ' ');
}

const columns: Array<Column<AuditEvent>> = [
  { key: 'at', title: '时间（北京时间）', cell: (e) => when(e.at) },
  { key: 'action', title: '操作', cell: (e) => ACTIONS[e.action] ?? e.action },
  { key: 'actor', title: '操作人角色', cell: (e) => ROLES[e.actor.role] ?? e.actor.role },
  { key: 'target', title: '对象', cell: (e) => `${e.target.type} ${e.target.id.slice(0, 8)}` },
];

/** Who did what in the subtree (administrators' and chairs' actions, never members'), newest first. */
export default function AuditPage() {
  const { params } = useRouter();
  const orgId = param(params.orgId);
  const [page, setPage] = useState(1);
  const { state, reload } = useResource(() => getAudit(orgId, page), [orgId, page], STAFF_PAGE);

  return (
    <StaffPage title="操作日志" wide state={state} onReload={reload} nav={<FederationNav active="audit" orgId={orgId} />}>
      {(log) => (
        <View className="card">
          <DataTable
            id="audit-table"
            stack
            caption={`操作记录（共 ${log.total} 条，最新在前）`}
            columns={columns}
            rows={log.items}
            rowKey={(e) => e.id}
            empty="暂无操作记录"
          />
          <Pager id="audit" page={log.page} pageSize={log.pageSize} total={log.total} onPage={setPage} />
          <Text className="ov-sub">日志保存不少于 6 个月。</Text>
        </View>
      )}
    </StaffPage>
  );
}
