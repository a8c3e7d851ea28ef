import { useEffect, useRef, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { IMPORT_OUTCOME_LABELS, IMPORT_OUTCOMES, type ImportJob, type ImportRowReport, type Page } from '@pingjia/shared';
import SubmitButton from '../../../components/Form/SubmitButton';
import { useResource } from '../../../hooks/useResource';
import {
  applyImport,
  getImport,
  getImportRows,
  getOrg,
  importReportPath,
  importTemplatePath,
  importUploadPath,
} from '../../../services/oversight';
import { errorMessage } from '../../../services/request';
import { a11y, heading } from '../../../utils/a11y';
import { param } from '../../../utils/url';
import DataTable from '../../components/DataTable';
import { FederationNav } from '../../components/Nav';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';
import Confirm from '../../components/StaffPage/Confirm';
import Notice from '../../components/StaffPage/Notice';
import { useAction } from '../../components/StaffPage/useAction';
import { openSpreadsheet, pickAndUpload } from '../../lib/files';
import './index.less';

const POLL_MS = 700;
const running = (j: ImportJob | null) => j !== null && (j.status === 'checking' || j.status === 'applying');

/**
 * Bulk import of unions and homes into the org's subtree: template, upload, the dry run's report, then
 * apply (all or nothing) after a confirmation naming the counts. The server runs both steps as a job;
 * the page polls it for the progress bar.
 */
export default function ImportPage() {
  const { params } = useRouter();
  const orgId = param(params.orgId);
  const { state, reload } = useResource(() => getOrg(orgId), [orgId], STAFF_PAGE);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [fileName, setFileName] = useState('');
  const [refused, setRefused] = useState<Page<ImportRowReport> | null>(null);
  const [confirming, setConfirming] = useState(false);
  const upload = useAction();
  const apply = useAction();
  const report = useAction();
  const template = useAction();
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);

  // Follows a running job until it is done; then loads the refused rows for the table.
  useEffect(() => {
    if (!job || !running(job)) return;
    const timer = setTimeout(async () => {
      try {
        const next = await getImport(job.id);
        if (!alive.current) return;
        setJob(next);
        if (next.status === 'checked' && next.counts.refused > 0) setRefused(await getImportRows(next.id, 'refused'));
      } catch (e) {
        if (alive.current) setJob({ ...job, status: 'failed', error: { code: 'NETWORK', message: errorMessage(e) } });
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job]);

  const pick = () =>
    upload.run(async () => {
      const picked = await pickAndUpload<ImportJob>(importUploadPath(orgId));
      if (!picked) return '未选择文件';
      setFileName(picked.name);
      setRefused(null);
      setConfirming(false);
      apply.setNotice(null);
      setJob(picked.answer);
      return `已上传「${picked.name}」`;
    });

  const confirmApply = () =>
    apply.run(async () => {
      setConfirming(false);
      setJob(await applyImport(job!.id));
      return '正在导入…';
    });

  const busy = running(job) || upload.busy || apply.busy;
  const pct = job && job.progress.total > 0 ? Math.round((job.progress.done / job.progress.total) * 100) : running(job) ? 0 : 100;

  return (
    <StaffPage title="批量导入" wide state={state} onReload={reload} nav={<FederationNav active="import" orgId={orgId} />}>
      {(org) => (
        <>
          <View className="card">
            <Text className="ov-section" {...heading(2)}>
              1. 下载模板并填写
            </Text>
            <Text className="ov-sub import__hint">
              一行一个下级工会或职工之家，导入到「{org.name}
              」之下。外部编码（如统一社会信用代码）必填：再次导入同一文件时据此识别同一单位，已有的会被更新，不会重复创建。
            </Text>
            <SubmitButton
              id="import-template"
              label="下载导入模板（Excel）"
              secondary
              busy={template.busy}
              onClick={() => template.run(() => openSpreadsheet(importTemplatePath(orgId), '批量导入模板.xlsx'))}
            />
            <Notice id="import-template-notice" of={template} />
          </View>

          <View className="card">
            <Text className="ov-section" {...heading(2)}>
              2. 上传并检查
            </Text>
            <Text className="ov-sub import__hint">
              支持 Excel（.xlsx）或 CSV 文件。先检查、不写入：检查报告列出每一行将新建、更新或被拒绝的原因。
            </Text>
            <SubmitButton id="import-pick" label="选择文件并检查" busy={busy} onClick={pick} />
            <Notice id="import-upload-notice" of={upload} />
            {job && (
              <View className="import__progress" id="import-progress" {...a11y({ role: 'status' })}>
                <Text className="import__progress-label">
                  {fileName ? `「${fileName}」：` : ''}
                  {job.status === 'checking' && `正在检查 ${job.progress.done} / ${job.progress.total} 行`}
                  {job.status === 'applying' && `正在导入 ${job.progress.done} / ${job.progress.total} 个单位`}
                  {job.status === 'checked' && '检查完成'}
                  {job.status === 'applied' && '导入完成'}
                  {job.status === 'failed' && '未完成'}
                </Text>
                <View className="import__bar">
                  <View
                    className={`import__bar-fill${job.status === 'failed' ? ' import__bar-fill--failed' : ''}`}
                    style={{ width: `${pct}%` }}
                  />
                </View>
              </View>
            )}
            {job?.status === 'failed' && job.error && <Notice id="import-failed" text={`${job.error.message}（未写入任何数据）`} error />}
          </View>

          {job && (job.status === 'checked' || job.status === 'applying' || job.status === 'applied') && (
            <View className="card" id="import-report">
              <Text className="ov-section" {...heading(2)}>
                3. 检查结果
              </Text>
              <View className="import__counts">
                {IMPORT_OUTCOMES.map((o) => (
                  <View key={o} className={`import__count import__count--${o}`} id={`import-count-${o}`}>
                    <Text className="import__count-n">{job.counts[o]}</Text>
                    <Text className="import__count-label">{IMPORT_OUTCOME_LABELS[o]}</Text>
                  </View>
                ))}
              </View>
              <SubmitButton
                id="import-report-download"
                label="下载检查报告（Excel）"
                secondary
                busy={report.busy}
                onClick={() => report.run(() => openSpreadsheet(importReportPath(job.id), '导入检查报告.xlsx'))}
              />
              <Notice id="import-report-notice" of={report} />
              {job.counts.refused > 0 && (
                <>
                  <Notice
                    id="import-refused-notice"
                    text={`有 ${job.counts.refused} 行被拒绝：请按下表（或下载的报告）修改文件后重新上传，全部通过后才能导入。`}
                    error
                  />
                  <DataTable
                    id="import-refused"
                    caption={
                      refused && refused.total > refused.items.length
                        ? `被拒绝的行（前 ${refused.items.length} 行，共 ${refused.total} 行）`
                        : '被拒绝的行'
                    }
                    stack
                    rows={(refused?.items ?? []).flatMap((r) => r.problems.map((p, k) => ({ r, p, k })))}
                    rowKey={({ r, k }) => `${r.line}-${k}`}
                    empty="正在加载…"
                    columns={[
                      { key: 'line', title: '行号', numeric: true, cell: ({ r }) => r.line },
                      { key: 'name', title: '名称', cell: ({ r }) => r.name || '（空）' },
                      { key: 'column', title: '列', cell: ({ p }) => p.column ?? '整行' },
                      { key: 'message', title: '原因', cell: ({ p }) => p.message },
                    ]}
                  />
                </>
              )}
              {job.status === 'checked' && job.counts.refused === 0 && job.counts.create + job.counts.update === 0 && (
                <Notice id="import-nothing" text="文件中的单位与系统中完全一致，无需导入。" />
              )}
              {job.status === 'checked' && job.counts.refused === 0 && job.counts.create + job.counts.update > 0 && !confirming && (
                <SubmitButton id="import-apply" label="导入" busy={busy} onClick={() => setConfirming(true)} />
              )}
              {confirming && job.status === 'checked' && (
                <Confirm
                  id="import-confirm"
                  textId="import-confirm-text"
                  yesId="import-confirm-yes"
                  noId="import-confirm-no"
                  yes="确认导入"
                  onYes={confirmApply}
                  onNo={() => setConfirming(false)}
                >
                  将新建 {job.counts.create} 个、更新 {job.counts.update} 个单位（{job.counts.unchanged}{' '}
                  个无变化）。导入一次完成，不能撤销。确定导入吗？
                </Confirm>
              )}
              <Notice id="import-apply-notice" text={apply.notice?.error ? apply.notice.text : null} error />
              {job.status === 'applied' && job.applied && (
                <Notice
                  id="import-done"
                  text={`导入完成：新建工会 ${job.applied.orgsCreated} 个、职工之家 ${job.applied.homesCreated} 个，更新工会 ${job.applied.orgsUpdated} 个、职工之家 ${job.applied.homesUpdated} 个。`}
                />
              )}
            </View>
          )}
        </>
      )}
    </StaffPage>
  );
}
