// First: weapp's aria attribute table must be in place before anything renders.
import './platform/aria';
import type { PropsWithChildren } from 'react';
import { useDidShow, useLaunch } from '@tarojs/taro';
import { onNetworkBack } from './platform/network';
import { ensureMemberLogin } from './services/auth';
import { sendQueuedDrafts } from './services/outbox';
import './app.less';

// Ratings saved while offline go out as soon as there is a way: network back, or the app shown again.
const sendDrafts = () => {
  sendQueuedDrafts().catch(() => undefined);
};

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Silent: a failure here is retried on the first call that needs a member token.
    ensureMemberLogin().then(sendDrafts, () => undefined);
    onNetworkBack(sendDrafts);
  });
  useDidShow(sendDrafts);
  return children;
}

export default App;
