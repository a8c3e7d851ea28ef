import { readStored, writeStored } from '../services/storage';

// H5: our own short notice, agreed once per device. Bump the version when the notice says something new.
const CONSENT_KEY = 'pingjia.privacyConsent';
const CONSENT_VERSION = '2025-11';

const isString = (v: unknown): v is string => typeof v === 'string';

/** Whether our own notice must be shown (and agreed) before the first rating is sent. */
export function needsOwnNotice(): boolean {
  return readStored(CONSENT_KEY, isString, '') !== CONSENT_VERSION;
}

export function recordConsent(): void {
  writeStored(CONSENT_KEY, CONSENT_VERSION);
}

/** The platform's own consent step; H5 has none beyond our notice. */
export function requirePlatformConsent(): Promise<void> {
  return Promise.resolve();
}
