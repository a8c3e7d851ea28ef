import Taro from '@tarojs/taro'
import { pageUrl } from '../../utils/url'

// Every page of the oversight subpackage (app.config.ts: subPackages root 'oversight').
const page = (name: string) => `/oversight/pages/${name}/index`

export const ROUTES = {
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
} as const

export type RouteName = keyof typeof ROUTES

/**
 * Opens a page; `replace` swaps the current one (tabs), so the weapp page stack stays short. The same
 * page again (a lower org's league) always replaces: two copies of a page would share its control ids.
 */
export function go(name: RouteName, params: Record<string, string | undefined | null> = {}, replace = false): void {
  const url = pageUrl(ROUTES[name], params)
  const bare = (path: string) => path.split('?')[0].replace(/^\//, '')
  const here = bare(Taro.getCurrentInstance().router?.path ?? '')
  if (replace || here === bare(ROUTES[name])) Taro.redirectTo({ url })
  else Taro.navigateTo({ url })
}
