import Taro from '@tarojs/taro';

export const canSubscribe = true;

/**
 * WeChat's subscribe popup for one progress message; true when the worker allowed it. Must be called
 * from a tap (WeChat refuses it otherwise). Any failure counts as "no": filing never depends on it.
 */
export function askToSubscribe(templateId: string): Promise<boolean> {
  if (typeof Taro.requestSubscribeMessage !== 'function') return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      Taro.requestSubscribeMessage({
        tmplIds: [templateId],
        entityIds: [],
        success: (res) => resolve((res as unknown as Record<string, string>)[templateId] === 'accept'),
        fail: () => resolve(false),
      });
    } catch {
      resolve(false);
    }
  });
}
