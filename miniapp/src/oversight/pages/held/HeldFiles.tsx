import { useState } from 'react';
import { Button, Image, Text, View } from '@tarojs/components';
import type { HeldAttachment, Page } from '@pingjia/shared';
import { openAttachment } from '../../../platform/files';
import { decideAttachment, heldAttachmentSource } from '../../../services/oversight';
import { a11y, heading } from '../../../utils/a11y';
import Pager from '../../components/Pager';
import Confirm from '../../components/StaffPage/Confirm';
import Notice from '../../components/StaffPage/Notice';
import { useAction } from '../../components/StaffPage/useAction';
import SubmitButton from '../../../components/Form/SubmitButton';
// the preview's style, as on the grievance page
import '../../../components/AttachmentList/index.less';

const kb = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/**
 * Attachments WeChat's check could not clear (or PDFs, or photos sent by tracking code), for the level
 * above the home to release or reject: the file and the place only, never the grievance or who sent it.
 */
export default function HeldFiles({
  files,
  onPage,
  reload,
}: {
  files: Page<HeldAttachment>;
  onPage: (p: number) => void;
  reload: () => Promise<void>;
}) {
  const { busy, notice, run } = useAction();
  const [preview, setPreview] = useState<{ id: string; url: string } | null>(null);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);

  const view = async (a: HeldAttachment, n: number) => {
    setOpenError(null);
    try {
      const url = await openAttachment(
        heldAttachmentSource(a.id),
        a.mime,
        `待审附件${n}.${a.kind === 'pdf' ? 'pdf' : a.mime.split('/')[1]}`,
      );
      setPreview(url ? { id: a.id, url } : null);
    } catch {
      setOpenError('附件打开失败，请稍后重试');
    }
  };
  const decide = (id: string, release: boolean) =>
    run(async () => {
      await decideAttachment(id, release);
      setRejecting(null);
      setPreview(null);
      await reload();
      return release ? '附件已放行，处理人员现在可以查看' : '附件已驳回，文件已删除';
    });

  return (
    <View className="card" id="held-files">
      <Text className="ov-section" {...heading(2)}>
        待审附件
      </Text>
      <Text className="ov-sub">
        以下诉求附件未能由微信自动检查（检查存疑或多次失败、PDF
        文件、凭查询码上传的图片），需由上级工会人工审核。审核时只显示文件本身，不显示诉求内容和提交人。放行后处理人员可以查看；驳回后文件将被删除。
      </Text>
      {files.items.length === 0 && (
        <Text className="ov-withheld" id="held-files-empty">
          没有待审核的附件
        </Text>
      )}
      {files.items.map((a, i) => (
        <View key={a.id} className="ov-list-item" id={`held-file-${i}`}>
          <Text className="ov-sub" id={`held-file-name-${i}`}>
            {a.place.name} · {a.kind === 'pdf' ? 'PDF 文件' : '图片'}（{kb(a.size)}，{a.on}）
          </Text>
          {preview?.id === a.id && (
            <Image
              className="attachments__preview"
              id={`held-file-preview-${i}`}
              src={preview.url}
              mode="widthFix"
              {...{ 'aria-label': `待审附件 ${i + 1} 预览`, nativeProps: { alt: `待审附件 ${i + 1} 预览` } }}
            />
          )}
          {rejecting === a.id ? (
            <Confirm
              id={`held-file-confirm-box-${i}`}
              yesId={`held-file-confirm-${i}`}
              noId={`held-file-cancel-${i}`}
              yes="确定驳回"
              busy={busy}
              onYes={() => decide(a.id, false)}
              onNo={() => setRejecting(null)}
            >
              驳回后文件将被删除，处理人员和提交人都不能再查看，且无法恢复。确定驳回吗？
            </Confirm>
          ) : (
            <View className="ov-actions">
              <Button
                id={`held-file-open-${i}`}
                className="btn btn--secondary"
                {...a11y({ role: 'button', label: `查看待审附件 ${i + 1}` })}
                onClick={() => view(a, i + 1)}
              >
                查看
              </Button>
              <SubmitButton
                id={`held-file-release-${i}`}
                label={`放行待审附件 ${i + 1}`}
                text="放行"
                busy={busy}
                onClick={() => decide(a.id, true)}
              />
              <SubmitButton
                id={`held-file-reject-${i}`}
                label={`驳回待审附件 ${i + 1}`}
                text="驳回"
                busy={busy}
                secondary
                onClick={() => setRejecting(a.id)}
              />
            </View>
          )}
        </View>
      ))}
      {openError && (
        <Text className="field-error" id="held-file-error" {...a11y({ role: 'alert' })}>
          {openError}
        </Text>
      )}
      <Pager id="held-files" page={files.page} pageSize={files.pageSize} total={files.total} onPage={onPage} />
      <Notice id="held-files-notice" text={notice?.text ?? null} error={notice?.error} />
    </View>
  );
}
