export default async function globalTeardown() {
  const g = globalThis as any;
  if (g.__PINGJIA_SERVER__) await g.__PINGJIA_SERVER__.stop();
}
