import { useEffect } from 'react';
import { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { useResource } from '../../../hooks/useResource';
import { getHome } from '../../../services/oversight';
import { param } from '../../../utils/url';
import { ChairNav } from '../../components/Nav';
import StaffPage, { STAFF_PAGE } from '../../components/StaffPage';
import Notice from '../../components/StaffPage/Notice';
import { useAction } from '../../components/StaffPage/useAction';
import { loadImage, openPdf, saveImage } from '../../lib/files';
import SubmitButton from '../../../components/Form/SubmitButton';
import './index.less';

const posterPath = (homeId: string) => `/api/homes/${encodeURIComponent(homeId)}/poster`;

/** The printable poster with the home's QR code: shown, and saved to the album (weapp) or downloaded (H5). */
export default function PosterPage() {
  const { params } = useRouter();
  const homeId = param(params.homeId);
  const campaignId = param(params.campaignId) || undefined;
  const { state, reload } = useResource(
    async () => {
      const [home, src] = await Promise.all([getHome(homeId), loadImage(posterPath(homeId))]);
      return { home, src };
    },
    [homeId],
    STAFF_PAGE,
  );
  const { busy, notice, run } = useAction();
  const src = state.kind === 'ready' ? state.data.src : null;

  // H5 hands out blob: addresses; give each back when it is replaced.
  useEffect(
    () => () => {
      if (src?.startsWith('blob:')) URL.revokeObjectURL(src);
    },
    [src],
  );

  const save = () => run(() => saveImage(posterPath(homeId), '评家海报.png'));
  const savePdf = () => run(() => openPdf(`${posterPath(homeId)}.pdf`, '评家海报（A4）.pdf'));

  return (
    <StaffPage title="评议海报" state={state} onReload={reload} nav={<ChairNav active="poster" homeId={homeId} campaignId={campaignId} />}>
      {({ home, src: image }) => (
        <View className="card">
          <Text className="ov-sub" id="poster-home">
            {home.name}
          </Text>
          <Image
            id="poster-image"
            className="poster__image"
            src={image}
            mode="widthFix"
            {...{ 'aria-label': `${home.name}的评议海报，会员扫描海报上的二维码参加评议`, nativeProps: { alt: `${home.name}的评议海报` } }}
          />
          <Text className="ov-sub">打印后张贴在职工之家，会员用微信扫码即可参加评议。</Text>
          <SubmitButton
            id="poster-save"
            label={process.env.TARO_ENV === 'weapp' ? '保存到相册' : '下载海报'}
            spinner
            busy={busy}
            onClick={save}
          />
          <SubmitButton id="poster-pdf" label="下载 A4 打印版（PDF）" busy={busy} secondary onClick={savePdf} />
          <Notice id="poster-notice" text={notice?.text ?? null} error={notice?.error} />
        </View>
      )}
    </StaffPage>
  );
}
