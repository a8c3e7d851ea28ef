export default async function globalTeardown() {
  const server = (globalThis as any).__PINGJIA_SERVER__;
  if (server) await server.stop();
}
