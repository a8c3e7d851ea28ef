import { useRef, useState } from 'react';
import { errorMessage, isApiRequestError } from '../../../services/request';

/** A problem with what was typed in, found before anything is sent: its message is shown as it is. */
export class InputError extends Error {
  readonly isInputError = true;
  /** the request fields it is about (the keys the server would use in `fields`), to show next to each */
  readonly fields?: Record<string, string>;

  /** `field`: the one field the message is about, or a message per field (several found at once) */
  constructor(message: string, field?: string | Partial<Record<string, string>>) {
    super(message);
    this.fields =
      typeof field === 'string'
        ? { [field]: message }
        : field && (Object.fromEntries(Object.entries(field).filter(([, m]) => m)) as Record<string, string>);
  }
}

const isInputError = (e: unknown): e is InputError => e instanceof Error && (e as Partial<InputError>).isInputError === true;
const messageOf = (e: unknown) => (isInputError(e) ? e.message : errorMessage(e));

/** Messages per request field: ours before sending, or the server's `fields`. */
function fieldsOf(e: unknown): Record<string, string> | undefined {
  if (isInputError(e)) return e.fields;
  return isApiRequestError(e) ? e.fields : undefined;
}

export interface ActionNotice {
  text: string;
  error?: boolean;
  fields?: Record<string, string>;
}

/** A fresh Idempotency-Key: 8-128 of letters, digits and _ . : - */
const newKey = () => `k${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}${Math.random().toString(36).slice(2, 12)}`;

/**
 * A button's action (save, export, approve): busy while it runs, then a notice of how it went. A second
 * click while it runs does nothing. `key` is the Idempotency-Key of this attempt: the same until the server
 * has answered for sure (success or a refusal), so a retry after a lost answer creates nothing twice.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  const running = useRef(false);
  const key = useRef(newKey());
  const run = async (action: (idempotencyKey: string) => Promise<string>): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setNotice(null);
    try {
      setNotice({ text: await action(key.current) });
      key.current = newKey();
      return true;
    } catch (e) {
      // A refusal (4xx) is final: the next try is a new request. A lost answer (network, 5xx) keeps the key.
      if (isInputError(e) || (isApiRequestError(e) && e.status >= 400 && e.status < 500)) key.current = newKey();
      setNotice({ text: messageOf(e), error: true, fields: fieldsOf(e) });
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  /** The message for one request field, to show next to it. */
  const fieldError = (field: string): string | undefined => notice?.fields?.[field];
  return { busy, notice, run, setNotice, fieldError };
}

/** The workbook of a home or an org, for a cycle. */
export const exportPath = (kind: 'homes' | 'orgs', id: string, campaignId?: string) =>
  `/api/${kind}/${encodeURIComponent(id)}/export.xlsx${campaignId ? `?campaignId=${encodeURIComponent(campaignId)}` : ''}`;
