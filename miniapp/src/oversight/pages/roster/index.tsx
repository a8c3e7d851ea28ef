import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import SubmitButton from '../../../components/Form/SubmitButton';
import TextField from '../../../components/Form/TextField';
import { useResource } from '../../../hooks/useResource';
import { getHome, getRoster, resetRosterBinding, rosterTemplatePath, type RosterImport } from '../../../services/oversight';
import { isApiRequestError } from '../../../services/request';
import { a11y, heading } from '../../../utils/a11y';
import { param } from '../../../utils/url';
import { FederationNav } from '../../components/Nav';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';
import Confirm from '../../components/StaffPage/Confirm';
import Notice from '../../components/StaffPage/Notice';
import { InputError, useAction } from '../../components/StaffPage/useAction';
import { openSpreadsheet, pickAndUpload } from '../../lib/files';

/** The server's per-row refusals (`line.N` fields) as 第 N 行 lines, in file order. */
function rowReport(fields: Record<string, string> | undefined): Array<{ line: number; reason: string }> {
  return Object.entries(fields ?? {})
    .filter(([k]) => k.startsWith('line.'))
    .map(([k, reason]) => ({ line: Number(k.slice(5)), reason }))
    .sort((a, b) => a.line - b.line);
}

/**
 * A roster home's member list, kept by the level above: the template, an upload that replaces the list
 * (after a confirmation; a bad file changes nothing and is answered row by row), the bound count, and a
 * binding reset with its reason. The home's own chair sees the counts only.
 */
export default function RosterPage() {
  const { params } = useRouter();
  const homeId = param(params.homeId);
  const { state, reload } = useResource(
    async () => {
      const [home, roster] = await Promise.all([getHome(homeId), getRoster(homeId)]);
      return { home, roster };
    },
    [homeId],
    { ...STAFF_PAGE, missing: homeId ? null : '缺少职工之家参数，请从「组织与职工之家」进入' },
  );
  const [confirming, setConfirming] = useState(false);
  const [rows, setRows] = useState<Array<{ line: number; reason: string }>>([]);
  const [name, setName] = useState('');
  const [memberNo, setMemberNo] = useState('');
  const [reason, setReason] = useState('');
  const [resetAsk, setResetAsk] = useState(false);
  const upload = useAction();
  const template = useAction();
  const reset = useAction();

  const send = () =>
    upload.run(async () => {
      setConfirming(false);
      setRows([]);
      try {
        const sent = await pickAndUpload<RosterImport>(`/api/homes/${encodeURIComponent(homeId)}/roster`);
        if (!sent) return '未选择文件，名册没有变化';
        const r = sent.answer;
        await reload();
        return `名册已更新：共 ${r.entries} 人，新增 ${r.added} 人，保留 ${r.kept} 人，移除 ${r.removed} 人`;
      } catch (e) {
        if (isApiRequestError(e)) setRows(rowReport(e.fields));
        throw e;
      }
    });

  const askReset = () => {
    if (!name.trim() || !memberNo.trim()) return reset.run(() => Promise.reject(new InputError('请填写会员的姓名和会员编号', 'name')));
    if (reason.trim().length < 2) return reset.run(() => Promise.reject(new InputError('请填写解除绑定的原因（至少 2 个字）', 'reason')));
    reset.setNotice(null);
    setResetAsk(true);
  };
  const doReset = () =>
    reset.run(async () => {
      setResetAsk(false);
      await resetRosterBinding(homeId, { name: name.trim(), memberNo: memberNo.trim(), reason: reason.trim() });
      setName('');
      setMemberNo('');
      setReason('');
      await reload();
      return '已解除绑定，该会员可用新的微信账号重新验证；其本轮评价仍只算一份';
    });

  return (
    <StaffPage
      title="会员名册"
      state={state}
      onReload={reload}
      nav={state.kind === 'ready' ? <FederationNav active="manage" orgId={state.data.home.orgId} /> : undefined}
    >
      {({ home, roster }) => (
        <>
          <View className="card">
            <Text className="title" id="roster-home">
              {home.name}
            </Text>
            <Text className="ov-sub" id="roster-counts">
              名册共 {roster.entries} 人；已绑定微信 {roster.boundRounded ? `约 ${roster.bound} 人（按 5 取整）` : `${roster.bound} 人`}
            </Text>
            {home.membershipMode !== 'roster' && (
              <Text className="ov-sub" id="roster-open-mode">
                本职工之家目前为「凡扫码即可评议」，名册暂不使用。
              </Text>
            )}
          </View>
          {roster.boundRounded ? (
            <View className="card" id="roster-refused" {...a11y({ role: 'status' })}>
              <Text className="ov-withheld">
                会员名册和账号绑定由上级工会维护，本单位工会不能上传或修改名册。如需调整，请联系上级工会。
              </Text>
            </View>
          ) : (
            <>
              <View className="card">
                <Text className="ov-section" {...heading(2)}>
                  上传名册
                </Text>
                <Text className="ov-sub">
                  名册为 Excel（.xlsx）或 CSV
                  文件，列为「姓名」「会员编号」「手机号（选填）」。上传后替换现有名册：仍在名册中的会员保留已绑定的微信账号。
                </Text>
                <Text className="ov-sub">名册只以加密摘要保存，系统不能导出会员姓名，请保留好您上传的文件。</Text>
                <View className="ov-actions">
                  <SubmitButton
                    id="roster-template"
                    label="下载名册模板"
                    secondary
                    busy={template.busy}
                    onClick={() => template.run(() => openSpreadsheet(rosterTemplatePath(homeId), '会员名册模板.xlsx'))}
                  />
                  {!confirming && (
                    <SubmitButton
                      id="roster-upload"
                      label={roster.entries ? '上传新名册（替换）' : '上传名册'}
                      busy={upload.busy}
                      spinner
                      onClick={() => (roster.entries ? setConfirming(true) : send())}
                    />
                  )}
                </View>
                {confirming && (
                  <Confirm
                    id="roster-confirm-box"
                    yesId="roster-confirm"
                    noId="roster-cancel"
                    yes="确定，选择文件"
                    onYes={send}
                    onNo={() => setConfirming(false)}
                  >
                    将用新文件替换现有的 {roster.entries} 人名册：不在新名册中的会员会被移除，其微信绑定一并解除。确定继续吗？
                  </Confirm>
                )}
                <Notice id="roster-notice" of={upload} />
                <Notice id="roster-template-notice" of={template} />
                {rows.length > 0 && (
                  <View className="invite" id="roster-rows" {...a11y({ role: 'list', label: '名册逐行检查结果' })}>
                    <Text className="field-label">以下行有误，名册没有任何更改。请修改后重新上传：</Text>
                    {rows.map((r) => (
                      <Text key={r.line} className="ov-sub" id={`roster-row-${r.line}`} {...a11y({ role: 'listitem' })}>
                        第 {r.line} 行：{r.reason}
                      </Text>
                    ))}
                  </View>
                )}
              </View>

              <View className="card">
                <Text className="ov-section" {...heading(2)}>
                  解除微信绑定
                </Text>
                <Text className="ov-sub">
                  会员更换了微信账号时使用：解除后，会员可用新的微信账号重新验证，其本轮评价随名册条目转移，不会多算一份。
                </Text>
                <TextField id="reset-name" label="姓名" spoken="会员姓名" value={name} onInput={setName} error={reset.fieldError('name')} />
                <TextField
                  id="reset-member-no"
                  label="会员编号"
                  value={memberNo}
                  onInput={setMemberNo}
                  error={reset.fieldError('memberNo')}
                />
                <TextField
                  id="reset-reason"
                  label="原因（记入操作日志，请勿填写会员个人信息）"
                  spoken="解除绑定的原因"
                  value={reason}
                  maxlength={200}
                  placeholder="如：会员更换手机，原微信无法登录"
                  onInput={setReason}
                  error={reset.fieldError('reason')}
                />
                {resetAsk ? (
                  <Confirm
                    id="reset-confirm-box"
                    yesId="reset-confirm"
                    noId="reset-cancel"
                    yes="确定解除绑定"
                    busy={reset.busy}
                    onYes={doReset}
                    onNo={() => setResetAsk(false)}
                  >
                    确定解除「{name.trim()}」的微信绑定吗？
                  </Confirm>
                ) : (
                  <SubmitButton id="reset-submit" label="解除绑定" secondary busy={reset.busy} onClick={askReset} />
                )}
                <Notice id="reset-notice" of={reset} />
              </View>
            </>
          )}
        </>
      )}
    </StaffPage>
  );
}
