import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const g = globalThis as any;
  if (g.__PINGJIA_SERVER__) await g.__PINGJIA_SERVER__.stop();
  if (g.__PINGJIA_WECHAT__) await g.__PINGJIA_WECHAT__.close();
  // The MariaDB run keeps its data in MariaDB; the folder then holds only uploads and logs.
  if (process.env.PINGJIA_DATA_DIR) rmSync(process.env.PINGJIA_DATA_DIR, { recursive: true, force: true });
}
