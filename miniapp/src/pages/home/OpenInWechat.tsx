import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { a11y, heading } from '../../utils/a11y';

/**
 * A browser other than WeChat's: members sign in with WeChat, so the page asks them to open it in WeChat
 * and shows the home's mini-program code (scan it with WeChat, or long-press it inside WeChat).
 */
export default function OpenInWechat({ scene }: { scene: string }) {
  const [codeShown, setCodeShown] = useState(true);
  return (
    <View className="card home__open-wechat" id="open-in-wechat" {...a11y({ role: 'region', label: '请在微信中打开' })}>
      <Text className="home__campaign-name" id="open-in-wechat-title" {...heading(2)}>
        请在微信中打开
      </Text>
      <Text className="note" id="open-in-wechat-note">
        评议和维权需要用微信确认会员身份，不记名。请用微信“扫一扫”扫描下面的小程序码，或在微信中打开本页面。
      </Text>
      {codeShown && (
        <Image
          className="home__wxacode"
          id="open-in-wechat-code"
          src={`/api/homes/scene/${encodeURIComponent(scene)}/miniprogram-code`}
          mode="aspectFit"
          // Without WeChat set up on the server there is no code: the words above still say what to do.
          onError={() => setCodeShown(false)}
          {...{ 'aria-label': '本职工之家的小程序码，请用微信扫描', nativeProps: { alt: '本职工之家的小程序码' } }}
        />
      )}
    </View>
  );
}
