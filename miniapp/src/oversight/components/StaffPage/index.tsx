import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import StaffLogin from '../../../components/StaffLogin';
import StatusView from '../../../components/StatusView';
import { staffLogout } from '../../../services/auth';
import { a11y, heading } from '../../../utils/a11y';
import type { Resource, ResourceOptions } from '../../../hooks/useResource';
import { go } from '../../lib/routes';
import WechatLogin from './WechatLogin';
import './index.less';
import ActionButton from '../../../components/Form/ActionButton';

interface Props<T> {
  /** the page's heading, also what screen readers announce first */
  title: string;
  state: Resource<T>;
  onReload: () => void;
  /** federation views use the width of a desktop screen */
  wide?: boolean;
  nav?: ReactNode;
  children: (data: T) => ReactNode;
}

/** How every chair and federation page loads (useResource): staff only, and a refusal said plainly. */
export const STAFF_PAGE: ResourceOptions<unknown> = {
  staff: true,
  refusals: { 403: '您没有权限查看此页面', 404: '未找到，或您没有权限查看' },
};

/** The frame of every chair and federation page: heading, navigation, and the login/loading/empty/error states. */
export default function StaffPage<T>({ title, state, onReload, wide, nav, children }: Props<T>) {
  let body: ReactNode;
  if (state.kind === 'login') {
    body = (
      <>
        {process.env.TARO_ENV === 'weapp' && <WechatLogin onLoggedIn={onReload} />}
        <StaffLogin notice={state.notice} onLoggedIn={onReload} />
      </>
    );
  } else if (state.kind === 'loading') body = <StatusView kind="loading" id="ov-status" text="正在加载…" />;
  else if (state.kind === 'empty') body = <StatusView kind="empty" id="ov-status" text={state.text} />;
  else if (state.kind === 'error') body = <StatusView kind="error" id="ov-status" text={state.message} onRetry={onReload} />;
  else body = children(state.data);

  return (
    <View className={`page ov${wide ? ' ov--wide' : ''}`} {...a11y({ role: 'main' })}>
      <View className="ov__head">
        <Text className="ov__title" id="ov-title" {...heading(1)}>
          {title}
        </Text>
        {state.kind !== 'login' && process.env.TARO_ENV === 'h5' && title !== '修改密码' && (
          <ActionButton id="ov-account" className="btn btn--secondary ov__logout" label="修改密码" link onClick={() => go('account')} />
        )}
        {state.kind !== 'login' && (
          <ActionButton
            id="ov-logout"
            className="btn btn--secondary ov__logout"
            label="退出登录"
            onClick={() => {
              staffLogout();
              onReload();
            }}
          />
        )}
      </View>
      {state.kind !== 'login' && nav}
      {body}
    </View>
  );
}
