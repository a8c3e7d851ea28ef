// The import graph's rules (issue 13), run by scripts/test.sh as `pnpm deps:check`.
// server/src is layered: feature folders (auth, orgs, ratings, …) → common/ → config/ → shared/.
// Imports run downward only; between feature folders they may go either way but never round a cycle.
/** @type {import('dependency-cruiser').IConfiguration} */
const FEATURE = '^server/src/(?!common/|config/|database/|types/)[^/]+/';

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycle',
      severity: 'error',
      comment: 'Two server/src folders import each other (directly or round a loop): one of them must move down or split.',
      scope: 'folder',
      from: { path: '^server/src/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycle',
      severity: 'error',
      comment: 'A cycle between files, even inside one folder.',
      from: { path: '^server/src/' },
      to: { circular: true },
    },
    {
      name: 'lower-layer-imports-feature',
      severity: 'error',
      comment:
        'common/, config/ and database/ sit below the feature folders and must not know them. ' +
        'Entities are found by autoLoadEntities at run time and by a glob in database/data-source.ts for the CLI.',
      from: { path: '^server/src/(common|config|database)/' },
      to: { path: FEATURE },
    },
    {
      name: 'config-imports-common',
      severity: 'error',
      comment: 'config/ is below common/: it reads the environment and nothing else of the server.',
      from: { path: '^server/src/config/' },
      to: { path: '^server/src/(common|database)/' },
    },
    {
      name: 'feature-imports-testing',
      severity: 'error',
      comment: 'testing/ holds the test hooks, loaded by app.module.ts only with NODE_ENV=test: no other folder may import them.',
      from: { path: '^server/src/(?!testing/)[^/]+/' },
      to: { path: '^server/src/testing/' },
    },
    {
      name: 'shared-imports-app',
      severity: 'error',
      comment: 'shared/ is the pure domain package: it knows neither the server nor the mini-program.',
      from: { path: '^shared/' },
      to: { path: '^(server|miniapp)/' },
    },
    {
      name: 'foreign-controller',
      severity: 'error',
      comment: "A folder imports another folder's controller: controllers are registered by their own module only.",
      from: { path: '^server/src/([^/]+)/' },
      to: { path: '^server/src/[^/]+/.*\\.controller\\.ts$', pathNot: '^server/src/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: require('node:path').join(__dirname, 'server/tsconfig.json') },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
