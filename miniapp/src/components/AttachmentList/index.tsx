import { useState } from 'react';
import { Button, Image, Text, View } from '@tarojs/components';
import type { GrievanceAttachment } from '@pingjia/shared';
import { openAttachment } from '../../platform/files';
import { a11y } from '../../utils/a11y';
import './index.less';

interface Props {
  attachments: GrievanceAttachment[];
  /** where an attachment's bytes are, with the header that opens them */
  source: (attachmentId: string) => { url: string; header: Record<string, string> };
  /** the reporter is told why a held one waits; handlers only that it does (nobody opens it meanwhile) */
  reporter: boolean;
}

const kb = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** A grievance's evidence: each file opens for the reporter and the handlers only. */
export default function AttachmentList({ attachments, source, reporter }: Props) {
  const [preview, setPreview] = useState<{ id: string; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!attachments.length) return null;

  const open = async (a: GrievanceAttachment, n: number) => {
    setError(null);
    try {
      const url = await openAttachment(source(a.id), a.mime, `附件${n}.${a.kind === 'pdf' ? 'pdf' : a.mime.split('/')[1]}`);
      setPreview(url ? { id: a.id, url } : null);
    } catch {
      setError('附件打开失败，请稍后重试');
    }
  };

  return (
    <View className="attachments" id="attachments" {...a11y({ role: 'list', label: '附件' })}>
      {attachments.map((a, i) => (
        <View className="attachments__item" key={a.id} id={`attachment-${i}`} {...a11y({ role: 'listitem' })}>
          <Text className="attachments__name">
            附件 {i + 1}：{a.kind === 'pdf' ? 'PDF 文件' : '图片'}（{kb(a.size)}，{a.on}）
          </Text>
          {a.status === 'held' && reporter && (
            <Text className="note" id={`attachment-held-${i}`}>
              正在进行安全检查，通过后才能查看，处理人员也才能看到。
            </Text>
          )}
          {a.status === 'rejected' ? (
            <Text className="note" id={`attachment-rejected-${i}`}>
              未通过安全审核，文件已删除。
            </Text>
          ) : a.status === 'held' ? (
            !reporter && <Text className="note">该附件正在等待安全复核，暂不能查看。</Text>
          ) : (
            <Button
              className="btn btn--secondary attachments__open"
              id={`attachment-open-${i}`}
              {...a11y({ role: 'button', label: `查看附件 ${i + 1}` })}
              onClick={() => open(a, i + 1)}
            >
              查看
            </Button>
          )}
          {preview?.id === a.id && (
            <Image
              className="attachments__preview"
              id={`attachment-preview-${i}`}
              src={preview.url}
              mode="widthFix"
              ariaLabel={`附件 ${i + 1} 预览`}
            />
          )}
        </View>
      ))}
      {error && (
        <Text className="field-error" id="attachment-error" {...a11y({ role: 'alert' })}>
          {error}
        </Text>
      )}
    </View>
  );
}
