import Taro from '@tarojs/taro';
import { swapPage } from '../../platform/history';
import { pageUrl } from '../../utils/url';

// Every page of the oversight subpackage (app.config.ts: subPackages root 'oversight').
const page = (name: string) => `/oversight/pages/${name}/index`;

const ROUTES = {
  staff: page('staff'),
  accept: page('accept'),
  chair: page('chair'),
  comments: page('comments'),
  poster: page('poster'),
  rectification: page('rectification'),
  federation: page('federation'),
  league: page('league'),
  campaigns: page('campaigns'),
  manage: page('manage'),
  held: page('held'),
  audit: page('audit'),
  rectifications: page('rectifications'),
  import: page('import'),
  settings: page('settings'),
  roster: page('roster'),
  account: page('account'),
  reset: page('reset'),
} as const;

export type RouteName = keyof typeof ROUTES;

/**
 * Opens a page; `replace` swaps the current one for good (a hand-over after login, with no way back). The
 * same page again (a lower org's league) swaps it too: two copies of a page would share its control ids.
 */
export function go(name: RouteName, params: Record<string, string | undefined | null> = {}, replace = false): void {
  const url = pageUrl(ROUTES[name], params);
  const bare = (path: string) => path.split('?')[0].replace(/^\//, '');
  const here = bare(Taro.getCurrentInstance().router?.path ?? '');
  if (replace) Taro.redirectTo({ url });
  else if (here === bare(ROUTES[name])) swapPage(url);
  else Taro.navigateTo({ url });
}

/** A tab or section of the staff pages: swaps the page, and on H5 browser Back returns to the previous one. */
export function switchTo(name: RouteName, params: Record<string, string | undefined | null> = {}): void {
  swapPage(pageUrl(ROUTES[name], params));
}
