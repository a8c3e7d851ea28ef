import Taro from '@tarojs/taro';

/** Swaps the current page for another (a tab, a lower org): weapp's page stack stays short. */
export function swapPage(url: string): void {
  Taro.redirectTo({ url });
}
