import type { ClientConfig } from '@pingjia/shared';

// H5: in WeChat's built-in browser members sign in through WeChat web authorisation (snsapi_base): the page
// goes to WeChat's authorise URL and comes back with ?code=…&state=…; the server turns the code into the
// member (the same member as in the mini-program where WeChat gives a unionid). Anywhere else a member
// cannot sign in (the dev login aside, in the demo) and is asked to open the page in WeChat.
const STATE_KEY = 'pingjia.webAuthState';

const inWechatBrowser = () => /MicroMessenger/i.test(navigator.userAgent);

/** Members cannot sign in here: not WeChat's browser (or no web authorisation set up), and no demo login. */
export function outsideWechat(config: ClientConfig): boolean {
  return !config.devLogin && !(config.wechatWeb && inWechatBrowser());
}

/**
 * The code WeChat sent this page back with, once (it is taken off the URL), when web authorisation applies
 * here and the state matches the one this tab sent; null otherwise.
 */
export function webAuthCode(config: ClientConfig): string | null {
  if (!config.wechatWeb || !inWechatBrowser()) return null;
  const url = new URL(window.location.href);
  const code = url.searchParams.get('code');
  const state = url.searchParams.get('state');
  if (!code) return null;
  url.searchParams.delete('code');
  url.searchParams.delete('state');
  window.history.replaceState(window.history.state, '', url.toString());
  const sent = sessionStorage.getItem(STATE_KEY);
  sessionStorage.removeItem(STATE_KEY);
  return sent && state === sent ? code : null;
}

/** Whether this page signs members in through web authorisation (startWebAuth). */
export function usesWebAuth(config: ClientConfig): boolean {
  return !!config.wechatWeb && inWechatBrowser();
}

/** Leaves for WeChat's authorisation page, which sends the browser back here with a code. */
export function startWebAuth(config: ClientConfig): Promise<never> {
  const web = config.wechatWeb;
  if (!web) return Promise.reject(new Error('web authorisation is not configured'));
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const state = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  sessionStorage.setItem(STATE_KEY, state);
  const q = new URLSearchParams({
    appid: web.appId,
    redirect_uri: window.location.href,
    response_type: 'code',
    scope: 'snsapi_base',
    state,
  });
  window.location.href = `${web.authorizeUrl}?${q.toString()}#wechat_redirect`;
  // The page is leaving: nothing waiting on the login carries on here.
  return new Promise<never>(() => undefined);
}
