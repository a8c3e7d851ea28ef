import Taro from '@tarojs/taro';

// weapp: WeChat shows its own privacy popup (the guide declared in the admin console), so no notice of ours.
export function needsOwnNotice(): boolean {
  return false;
}

export function recordConsent(): void {
  // WeChat remembers the member's consent itself.
}

/**
 * Resolves once the member has agreed to the privacy guide (at once if they had before); rejects when they
 * decline. Base libraries before 2.32.3 have no privacy API and need no consent step: resolves.
 */
export function requirePlatformConsent(): Promise<void> {
  if (typeof Taro.requirePrivacyAuthorize !== 'function') return Promise.resolve();
  return new Promise((resolve, reject) => {
    Taro.requirePrivacyAuthorize({
      success: () => resolve(),
      fail: (res) => reject(new Error(res?.errMsg || 'privacy not authorized')),
    });
  });
}
