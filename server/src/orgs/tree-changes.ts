import { Injectable } from '@nestjs/common';

/**
 * Told after a change of the tree commits (a move, merge, deactivation or deletion), or of what the org
 * dashboards list of its homes (a home's name or counts edited, homes imported). What is cached by part of
 * the tree (org dashboards: the subtrees and their answers) drops what it holds, rather than serve — fresh
 * or stale — a home under an org it has left to staff who may no longer see it, or a closed cycle's part
 * (kept for minutes) with a home's old name. One process: other instances keep theirs for their cache span
 * (their staff's tokens are refused at once), a closed cycle's parts for FINAL_SPANS of them (org-dashboard.service.ts).
 */
@Injectable()
export class TreeChanges {
  private readonly listeners: (() => void)[] = [];

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }
}
