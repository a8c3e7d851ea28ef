import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const g = globalThis as any;
  if (g.__PINGJIA_SERVER__) await g.__PINGJIA_SERVER__.stop();
  if (g.__PINGJIA_WECHAT__) await g.__PINGJIA_WECHAT__.close();
  if (g.__PINGJIA_DATA_DIR__) rmSync(g.__PINGJIA_DATA_DIR__, { recursive: true, force: true });
}
