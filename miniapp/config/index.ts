import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

// Workspace domain package, compiled from source in both builds (never from shared/dist).
const sharedSrc = path.resolve(__dirname, '..', '..', 'shared', 'src');

/**
 * A release build for WeChat (PINGJIA_RELEASE=true, `pnpm build:weapp:release`) must name the API's https
 * origin: WeChat calls only https domains on the mini-program's allow-list, so a build pointing anywhere
 * else would ship an app that cannot reach its server.
 */
function releaseApiBase(): void {
  if (process.env.PINGJIA_RELEASE !== 'true') return;
  const base = process.env.TARO_APP_API_BASE ?? '';
  if (!/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(base)) {
    throw new Error(
      `TARO_APP_API_BASE must be the API's https origin for a release build (no path, no trailing slash), e.g. https://pingjia.example.org; got "${base}"`,
    );
  }
}

export default defineConfig<'webpack5'>(async () => {
  releaseApiBase();
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'pingjia-miniapp',
    date: '2025-11-24',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // MINIAPP_OUT lets several builds run side by side (each engineer or CI job its own folder).
    outputRoot: process.env.MINIAPP_OUT || `dist/${process.env.TARO_ENV}`,
    plugins: [path.resolve(__dirname, 'a11y-plugin.js')],
    defineConstants: {
      // Weapp talks to an absolute origin; H5 is served by the API server itself and uses '/api'.
      'process.env.TARO_APP_API_BASE': JSON.stringify(process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000'),
    },
    alias: {
      '@pingjia/shared': sharedSrc,
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    mini: {
      compile: { include: [sharedSrc] },
      // Components' stylesheets are independent (BEM classes): their order across pages does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      compile: { include: [sharedSrc] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return config;
});
