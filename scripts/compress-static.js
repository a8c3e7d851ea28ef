#!/usr/bin/env node
// Precompresses a built static folder (the H5 app) for the server: NAME.br (brotli, quality 11) and
// NAME.gz (gzip -9) beside every text file over 1 KB, kept only when smaller. @fastify/static
// (preCompressed) then sends them to clients that accept them, with no compression work per request.
//   node scripts/compress-static.js miniapp/dist/h5
const { readdirSync, readFileSync, statSync, writeFileSync, unlinkSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { brotliCompressSync, gzipSync, constants } = require('node:zlib');

const dir = process.argv[2];
if (!dir || !existsSync(dir)) {
  console.error('usage: node scripts/compress-static.js DIR');
  process.exit(64);
}
const TEXT = /\.(js|css|html|svg|json|txt|map|wasm)$/;
let before = 0;
let after = 0;
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const file = join(d, name);
    if (statSync(file).isDirectory()) walk(file);
    else if (TEXT.test(name) && statSync(file).size > 1024) {
      const data = readFileSync(file);
      before += data.length;
      const variants = [
        [
          '.br',
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
        ],
        ['.gz', gzipSync(data, { level: 9 })],
      ];
      let best = data.length;
      for (const [ext, out] of variants) {
        if (out.length < data.length) {
          writeFileSync(file + ext, out);
          best = Math.min(best, out.length);
        } else if (existsSync(file + ext)) unlinkSync(file + ext);
      }
      after += best;
    }
  }
};
walk(dir);
console.log(`compressed ${dir}: ${(before / 1024).toFixed(0)} KB of text files, ${(after / 1024).toFixed(0)} KB as sent with brotli`);
