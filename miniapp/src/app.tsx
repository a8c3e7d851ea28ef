// First: weapp's aria attribute table must be in place before anything renders.
import './platform/aria'
import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { ensureMemberLogin } from './services/auth'
import './app.less'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Silent: a failure here is retried on the first call that needs a member token.
    ensureMemberLogin().catch(() => undefined)
  })
  return children
}

export default App
