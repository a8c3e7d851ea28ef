import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

// Workspace domain package, compiled from source in both builds (never from shared/dist).
const sharedSrc = path.resolve(__dirname, '..', '..', 'shared', 'src')

export default defineConfig<'webpack5'>(async () => {
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
  }
  return config
})
