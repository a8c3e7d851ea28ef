import { Injectable } from '@nestjs/common';

/**
 * Told after a change of the tree commits (a move, merge, deactivation or deletion). What is cached by
 * part of the tree (org dashboards: the subtrees and their answers) drops what it holds, rather than
 * serve — fresh or stale — a home under an org it has left to staff who may no longer see it.
 * One process: other instances keep theirs for their cache span (their staff's tokens are refused at once).
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
