import { useState } from 'react';
import { errorMessage, isApiRequestError } from '../../../services/request';

/** A problem with what was typed in, found before anything is sent: its message is shown as it is. */
export class InputError extends Error {
  readonly isInputError = true;
  /** the request field it is about (the key the server would use in `fields`), to show it next to that field */
  readonly field?: string;

  constructor(message: string, field?: string) {
    super(message);
    this.field = field;
  }
}

const isInputError = (e: unknown): e is InputError => e instanceof Error && (e as Partial<InputError>).isInputError === true;
const messageOf = (e: unknown) => (isInputError(e) ? e.message : errorMessage(e));

/** Messages per request field: ours before sending, or the server's `fields`. */
function fieldsOf(e: unknown): Record<string, string> | undefined {
  if (isInputError(e)) return e.field ? { [e.field]: e.message } : undefined;
  return isApiRequestError(e) ? e.fields : undefined;
}

export interface ActionNotice {
  text: string;
  error?: boolean;
  fields?: Record<string, string>;
}

/** A button's action (save, export, approve): busy while it runs, then a notice of how it went. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  const run = async (action: () => Promise<string>): Promise<boolean> => {
    setBusy(true);
    setNotice(null);
    try {
      setNotice({ text: await action() });
      return true;
    } catch (e) {
      setNotice({ text: messageOf(e), error: true, fields: fieldsOf(e) });
      return false;
    } finally {
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
