import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useResource } from '../../../hooks/useResource';
import { decideComment, getHeldAttachments, getHeldComments } from '../../../services/oversight';
import { heading } from '../../../utils/a11y';
import { param } from '../../../utils/url';
import { FederationNav } from '../../components/Nav';
import Pager from '../../components/Pager';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';
import Notice from '../../components/StaffPage/Notice';
import { useAction } from '../../components/StaffPage/useAction';
import HeldFiles from './HeldFiles';
import SubmitButton from '../../../components/Form/SubmitButton';

/** What moderation held back — comments, and grievance attachments — for the upper-level union to release or reject. */
export default function HeldCommentsPage() {
  const { params } = useRouter();
  const orgId = param(params.orgId);
  const [page, setPage] = useState(1);
  const [filePage, setFilePage] = useState(1);
  const { state, reload } = useResource(
    async () => {
      const [comments, files] = await Promise.all([getHeldComments(orgId, page), getHeldAttachments(orgId, filePage)]);
      return { comments, files };
    },
    [orgId, page, filePage],
    STAFF_PAGE,
  );
  const { busy, notice, run } = useAction();

  const decide = (id: string, approve: boolean) =>
    run(async () => {
      await decideComment(id, approve);
      await reload();
      return approve ? '留言已公开' : '留言已驳回，不会公开';
    });

  return (
    <StaffPage title="内容审核" wide state={state} onReload={reload} nav={<FederationNav active="held" orgId={orgId} />}>
      {({ comments: held, files }) => (
        <>
          <View className="card">
            <Text className="ov-section" {...heading(2)}>
              待审留言
            </Text>
            <Text className="ov-sub">以下留言经内容安全检查后待人工审核。公开后职工之家主席可以看到留言内容，但看不到留言人。</Text>
            {held.items.length === 0 && (
              <Text className="ov-withheld" id="held-empty">
                没有待审核的留言
              </Text>
            )}
            {held.items.map((c, i) => (
              <View key={c.id} className="ov-list-item" id={`held-${i}`}>
                <Text className="ov-sub">
                  {c.home.name} · {c.campaign.name}
                </Text>
                <Text id={`held-text-${i}`}>{c.text}</Text>
                <View className="ov-actions">
                  <SubmitButton
                    id={`held-approve-${i}`}
                    label={`公开留言 ${i + 1}`}
                    text="公开"
                    busy={busy}
                    onClick={() => decide(c.id, true)}
                  />
                  <SubmitButton
                    id={`held-reject-${i}`}
                    label={`驳回留言 ${i + 1}`}
                    text="驳回"
                    busy={busy}
                    secondary
                    onClick={() => decide(c.id, false)}
                  />
                </View>
              </View>
            ))}
            <Pager id="held" page={held.page} pageSize={held.pageSize} total={held.total} onPage={setPage} />
            <Notice id="held-notice" text={notice?.text ?? null} error={notice?.error} />
          </View>
          <HeldFiles files={files} onPage={setFilePage} reload={reload} />
        </>
      )}
    </StaffPage>
  );
}
