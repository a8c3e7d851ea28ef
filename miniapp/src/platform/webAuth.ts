import type { ClientConfig } from '@pingjia/shared';

// The mini-program signs members in with wx.login: no web authorisation, never "outside WeChat".

export function outsideWechat(_config: ClientConfig): boolean {
  return false;
}

export function webAuthCode(_config: ClientConfig): string | null {
  return null;
}

export function startWebAuth(_config: ClientConfig): Promise<never> {
  return Promise.reject(new Error('web authorisation is for the H5 app'));
}

export function usesWebAuth(_config: ClientConfig): boolean {
  return false;
}
