#!/usr/bin/env node
// WeChat refuses a main package over 2 MB. Sums miniapp/dist/weapp minus the subpackage roots
// declared in its app.json, the way the upload tool counts the main package.
const fs = require('node:fs')
const path = require('node:path')

const LIMIT_KB = 2048
const dist = path.resolve(process.argv[2] || path.join(__dirname, '..', 'miniapp', 'dist', 'weapp'))
const appJsonPath = path.join(dist, 'app.json')

if (!fs.existsSync(appJsonPath)) {
  console.error(`no weapp build at ${dist} (app.json missing): run pnpm --filter @pingjia/miniapp build:weapp first`)
  process.exit(2)
}

const app = JSON.parse(fs.readFileSync(appJsonPath, 'utf8'))
const subRoots = [...(app.subPackages || []), ...(app.subpackages || [])]
  .map((p) => path.join(dist, p.root).replace(/[\\/]+$/, ''))

function isSubpackage(file) {
  return subRoots.some((root) => file === root || file.startsWith(root + path.sep))
}

function sizeOf(dir) {
  let total = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (isSubpackage(full)) continue
    if (entry.isDirectory()) total += sizeOf(full)
    else if (entry.isFile() && !entry.name.endsWith('.map')) total += fs.statSync(full).size
  }
  return total
}

const kb = Math.ceil(sizeOf(dist) / 1024)
console.log(`weapp main package: ${kb} KB (limit ${LIMIT_KB} KB)`)
process.exit(kb > LIMIT_KB ? 1 : 0)
