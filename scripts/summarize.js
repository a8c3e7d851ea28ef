// Sums every Jest report and every non-Jest step of a test run into one line: `N passed, M failed`.
const fs = require('node:fs');
const path = require('node:path');

const dir = process.argv[2];
let passed = 0;
let failed = 0;
const rows = [];

for (const line of fs.readFileSync(path.join(dir, 'steps.tsv'), 'utf8').split('\n').filter(Boolean)) {
  const [name, result] = line.split('\t');
  if (result === 'pass') passed++;
  else failed++;
  rows.push(`  ${result === 'pass' ? 'ok  ' : 'FAIL'}  ${name}`);
}
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const p = report.numPassedTests;
  // A test file that failed to load (syntax error, crash in a hook) has no test results but failed.
  const f = report.numFailedTests + report.numRuntimeErrorTestSuites;
  // Skipped or todo tests are not allowed to pass silently.
  const s = report.numPendingTests + report.numTodoTests;
  passed += p;
  failed += f + s;
  rows.push(`  ${f + s ? 'FAIL' : 'ok  '}  ${file.replace(/\.json$/, '')}: ${p} passed, ${f} failed${s ? `, ${s} skipped (counted as failed)` : ''}`);
}
console.log('\nTest summary:\n' + rows.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
