"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const app_config_1 = require("./config/app-config");
const app_factory_1 = require("./app.factory");
const demo_seed_1 = require("./database/seed/demo-seed");
const health_controller_1 = require("./health/health.controller");
function banner(publicUrl, demo) {
    const lines = ['', '评家 is running', `  H5 app:            ${publicUrl}/`, `  API docs:          ${publicUrl}/api/docs`, `  Health:            ${publicUrl}/api/health`];
    if (demo?.homes.length) {
        const home = demo.homes[0];
        lines.push(`  Rate a demo home:  ${publicUrl}/pages/home/index?scene=${home.sceneToken}   (${home.name})`);
        lines.push(`  Home dashboard:    ${publicUrl}/pages/dashboard/index?homeId=${home.id}`);
        if (demo.province)
            lines.push(`  Federation view:   ${publicUrl}/oversight/pages/federation/index?orgId=${demo.province.id}   (${demo.province.name})`);
        lines.push(`  Staff login:       ${demo.username} / ${demo.password ?? '(set DEMO_ADMIN_PASSWORD to choose one)'}`);
    }
    return lines.join('\n') + '\n';
}
async function main() {
    let config;
    try {
        config = (0, app_config_1.loadConfig)();
    }
    catch (e) {
        if (e instanceof app_config_1.ConfigError) {
            process.stderr.write(`${e.message}\n`);
            process.exit(78);
        }
        throw e;
    }
    const app = await (0, app_factory_1.createApp)(config);
    handleShutdown(app, config);
    const demo = config.seedDemo ? await app.get(demo_seed_1.DemoSeed).run() : null;
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const publicUrl = process.env.PUBLIC_URL ? config.publicUrl : `http://localhost:${port}`;
    process.stdout.write(banner(publicUrl, demo));
    // A line for scripts and tests that start the server on port 0.
    process.stdout.write(`PINGJIA_READY port=${port}\n`);
}
/**
 * SIGTERM/SIGINT: health answers 503 at once (load balancers stop sending), requests keep being served
 * for SHUTDOWN_DELAY_MS, then the HTTP server stops accepting and finishes what is in flight, and only
 * then do the modules shut down and the database close — so no acknowledged request loses its write.
 */
function handleShutdown(app, config) {
    let stopping = false;
    const stop = async (signal) => {
        if (stopping)
            return;
        stopping = true;
        const log = app.getHttpAdapter().getInstance().log;
        log.info({ signal }, 'shutting down');
        app.get(health_controller_1.HealthController).markShuttingDown();
        await new Promise((r) => setTimeout(r, config.shutdownDelayMs));
        await app.getHttpAdapter().getInstance().close();
        await app.close();
        log.info('stopped: requests drained, database closed');
        process.exit(0);
    };
    for (const signal of ['SIGTERM', 'SIGINT']) {
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
//# sourceMappingURL=main.js.map