import type { F2Canvas } from './types';

// Destroying an F2 canvas while another one is still drawing its first frame leaves that other one
// blank (seen in Chromium with F2 5.14: a chart mounted in the same commit as another was replaced).
// So a chart that changes is updated in place, and one that goes away is destroyed only once no chart
// has started drawing for a while.
const QUIET_MS = 800;
let lastStart = 0;

export function drawing(): void {
  lastStart = Date.now();
}

export function retire(canvas: F2Canvas): void {
  const attempt = () => {
    if (Date.now() - lastStart < QUIET_MS) setTimeout(attempt, QUIET_MS);
    else canvas.destroy();
  };
  setTimeout(attempt, QUIET_MS);
}
