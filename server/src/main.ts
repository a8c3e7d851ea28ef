import cluster from 'node:cluster';
import { ConfigError, loadConfig } from './config/app-config';
import { createApp } from './app.factory';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from './config/app-config';
import { DemoSeed, DemoInfo } from './seed/demo-seed';
import { HealthController } from './health/health.controller';

function banner(publicUrl: string, demo: DemoInfo | null, config: AppConfig): string {
  const lines = [
    '',
    config.production ? '评家 is running' : '评家 is running — DEMO, not for real use',
    `  H5 app:            ${publicUrl}/`,
    `  API docs:          ${publicUrl}/api/docs`,
    `  Health:            ${publicUrl}/api/health`,
  ];
  if (demo?.homes.length) {
    const home = demo.homes[0];
    lines.push(`  Rate a demo home:  ${publicUrl}/pages/home/index?scene=${home.sceneToken}   (${home.name})`);
    lines.push(`  Home dashboard:    ${publicUrl}/pages/dashboard/index?homeId=${home.id}`);
    if (demo.province)
      lines.push(`  Federation view:   ${publicUrl}/oversight/pages/federation/index?orgId=${demo.province.id}   (${demo.province.name})`);
    lines.push(`  Staff login:       ${demo.username} / ${demo.password ?? '(set DEMO_ADMIN_PASSWORD to choose one)'}`);
  }
  if (!config.production) {
    const where = ['127.0.0.1', 'localhost', '::1'].includes(config.host)
      ? 'this machine only (HOST=0.0.0.0 opens it to the network)'
      : `${config.host} — reachable from the network`;
    lines.push(
      '',
      `  This is a demo: ${config.devLogin ? 'anyone who can reach it can sign in as a new member (dev login), ' : ''}secrets are generated into ${config.dataDir}/secrets.json.`,
      `  Listening on ${where}.`,
      '  For real use: bash scripts/start-production.sh with JWT_SECRET, RATER_KEY_SECRET and PUBLIC_URL set (docs/deploy.md).',
    );
  }
  return lines.join('\n') + '\n';
}

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const app = await createApp(config);
  handleShutdown(app, config);
  const demo = config.seedDemo ? await app.get(DemoSeed).run() : null;
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // A worker of cluster.ts tells the primary, which says when every worker is ready.
  if (cluster.isWorker) return void process.send?.({ ready: true, port });
  const publicUrl = process.env.PUBLIC_URL ? config.publicUrl : `http://localhost:${port}`;
  process.stdout.write(banner(publicUrl, demo, config));
  // A line for scripts and tests that start the server on port 0.
  process.stdout.write(`PINGJIA_READY port=${port}\n`);
}

/**
 * SIGTERM/SIGINT: health answers 503 at once (load balancers stop sending), requests keep being served
 * for SHUTDOWN_DELAY_MS, then the HTTP server stops accepting and finishes what is in flight, and only
 * then do the modules shut down and the database close — so no acknowledged request loses its write.
 */
function handleShutdown(app: NestFastifyApplication, config: AppConfig): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const log = app.getHttpAdapter().getInstance().log;
    log.info({ signal }, 'shutting down');
    app.get(HealthController).markShuttingDown();
    await new Promise((r) => setTimeout(r, config.shutdownDelayMs));
    await app.getHttpAdapter().getInstance().close();
    await app.close();
    log.info('stopped: requests drained, database closed');
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stop(signal).catch((e) => {
        process.stderr.write(`停止失败: ${e instanceof Error ? e.stack : String(e)}\n`);
        process.exit(1);
      });
    });
  }
}

main().catch((e) => {
  process.stderr.write(`启动失败: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
