import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_TARGET_LABELS,
  auditActionLabel,
  describeAuditDetail,
  type AuditEvent,
  type Role,
} from '@pingjia/shared';
import ChoiceGroup from '../../../components/ChoiceGroup';
import { useResource } from '../../../hooks/useResource';
import { auditExportPath, getAudit, getOrg, getOrgChildren } from '../../../services/oversight';
import { param } from '../../../utils/url';
import DataTable, { type Column } from '../../components/DataTable';
import { FederationNav } from '../../components/Nav';
import Pager from '../../components/Pager';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';
import Notice from '../../components/StaffPage/Notice';
import { useAction } from '../../components/StaffPage/useAction';
import { openSpreadsheet } from '../../lib/files';
import SubmitButton from '../../../components/Form/SubmitButton';

const ROLES: Record<Role, string> = { member: '会员', chair: '工会主席', federation_admin: '上级工会管理员' };
const ALL = 'all';

/** China time, to the minute: 2026-05-01 09:30. */
function when(iso: string): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  return new Date(t + 8 * 3600e3).toISOString().slice(0, 16).replace('T', ' ');
}

const columns: Array<Column<AuditEvent>> = [
  { key: 'at', title: '时间（北京时间）', cell: (e) => when(e.at) },
  { key: 'action', title: '操作', cell: (e) => auditActionLabel(e.action) },
  { key: 'actor', title: '操作人', cell: (e) => `${e.actor.name ?? '（未命名账号）'}（${ROLES[e.actor.role] ?? e.actor.role}）` },
  { key: 'target', title: '对象', cell: (e) => `${AUDIT_TARGET_LABELS[e.target.type] ?? e.target.type}：${e.target.name ?? '—'}` },
  { key: 'detail', title: '说明', cell: (e) => (e.detail ? describeAuditDetail(e.detail) : '') },
];

const actionChoices = [{ key: ALL, label: '全部操作' }, ...Object.entries(AUDIT_ACTION_LABELS).map(([key, label]) => ({ key, label }))];

/**
 * Who did what in the subtree, newest first: staff at this level and below (never what a level above
 * did), by name, filterable by lower union and by action, exportable to Excel.
 */
export default function AuditPage() {
  const { params } = useRouter();
  const orgId = param(params.orgId);
  const [page, setPage] = useState(1);
  const [scope, setScope] = useState(orgId);
  const [action, setAction] = useState(ALL);
  const filter = action === ALL ? undefined : action;
  const exporting = useAction();
  const { state, reload } = useResource(
    async () => {
      const [org, children, log] = await Promise.all([getOrg(orgId), getOrgChildren(orgId), getAudit(scope, page, filter)]);
      return { org, lower: children.items.filter((c) => c.type === 'org'), log };
    },
    [orgId, scope, page, filter],
    STAFF_PAGE,
  );
  const pick =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <StaffPage title="操作日志" wide state={state} onReload={reload} nav={<FederationNav active="audit" orgId={orgId} />}>
      {({ org, lower, log }) => (
        <View className="card">
          {lower.length > 0 && (
            <ChoiceGroup
              idPrefix="audit-scope"
              title="范围"
              layout="pills"
              choices={[{ key: org.id, label: `${org.name}（全部）` }, ...lower.map((o) => ({ key: o.id, label: o.name }))]}
              value={scope}
              onChange={pick(setScope)}
            />
          )}
          <ChoiceGroup
            idPrefix="audit-action"
            title="操作类型"
            layout="pills"
            choices={actionChoices}
            value={action}
            onChange={pick(setAction)}
          />
          <View className="ov-actions">
            <SubmitButton
              id="audit-export"
              label="导出 Excel"
              busy={exporting.busy}
              secondary
              onClick={() => exporting.run(() => openSpreadsheet(auditExportPath(scope, filter), '操作日志.xlsx'))}
            />
          </View>
          <Notice id="audit-export-notice" text={exporting.notice?.text ?? null} error={exporting.notice?.error} />
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
          <Text className="ov-sub">只显示本级和下级工作人员的操作；上级的操作只有上级能看到。日志保存不少于 6 个月。</Text>
        </View>
      )}
    </StaffPage>
  );
}
