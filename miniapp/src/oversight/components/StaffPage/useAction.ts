import { useState } from 'react'
import { errorMessage } from '../../../services/request'

/** A problem with what was typed in, found before anything is sent: its message is shown as it is. */
export class InputError extends Error {
  readonly isInputError = true
}

const messageOf = (e: unknown) => (e instanceof Error && (e as Partial<InputError>).isInputError ? e.message : errorMessage(e))

export interface ActionNotice {
  text: string
  error?: boolean
}

/** A button's action (save, export, approve): busy while it runs, then a notice of how it went. */
export function useAction() {
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<ActionNotice | null>(null)
  const run = async (action: () => Promise<string>): Promise<boolean> => {
    setBusy(true)
    setNotice(null)
    try {
      setNotice({ text: await action() })
      return true
    } catch (e) {
      setNotice({ text: messageOf(e), error: true })
      return false
    } finally {
      setBusy(false)
    }
  }
  return { busy, notice, run, setNotice }
}

/** The workbook of a home or an org, for a cycle. */
export const exportPath = (kind: 'homes' | 'orgs', id: string, campaignId?: string) =>
  `/api/${kind}/${encodeURIComponent(id)}/export.xlsx${campaignId ? `?campaignId=${encodeURIComponent(campaignId)}` : ''}`
