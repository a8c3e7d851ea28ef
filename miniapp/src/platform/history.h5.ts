import Taro from '@tarojs/taro';

/**
 * Swaps the current page for another, yet as a new browser history entry: Taro's redirectTo replaces the
 * entry, so Back would leave the site. A copy of the current entry goes first and redirectTo then replaces
 * the copy; on Back, Taro's router finds the old page gone from its stack and loads it again from its URL.
 * Only one copy of each page stays in the document, so element ids stay unique.
 */
export function swapPage(url: string): void {
  window.history.pushState(window.history.state, '', window.location.href);
  Taro.redirectTo({ url });
}
