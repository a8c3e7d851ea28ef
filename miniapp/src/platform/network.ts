import Taro from '@tarojs/taro';

/** Calls back whenever the device gets a connection again. */
export function onNetworkBack(callback: () => void): void {
  // Older base libraries and stand-ins may lack it: then the next show of the app retries instead.
  if (typeof Taro.onNetworkStatusChange !== 'function') return;
  Taro.onNetworkStatusChange((res) => {
    if (res.isConnected) callback();
  });
}
