// Sums a test run (scripts/test.sh) into its two closing lines: `steps: A passed, B failed`, then
// `N passed, M failed`. N counts tests only. M counts failed tests, plus one for each failed step and for
// each suite that failed as a whole (config missing, not run, no report, zero tests, skipped tests, timed
// out, non-zero exit without a failed test). Exits non-zero when M > 0.
const fs = require('node:fs');
const path = require('node:path');

const dir = process.argv[2];
const rows = [];
const steps = { passed: 0, failed: 0 };
let passed = 0;
let failed = 0;

for (const line of fs.readFileSync(path.join(dir, 'results.tsv'), 'utf8').split('\n').filter(Boolean)) {
  const [kind, name, rc, seconds, note] = line.split('\t');
  if (kind === 'step') {
    const ok = rc === '0';
    if (ok) steps.passed++;
    else steps.failed++;
    rows.push(`  ${ok ? 'ok  ' : 'FAIL'}  step ${name} (${seconds} s)${ok ? '' : `: ${note || `exit ${rc}`}`}`);
    continue;
  }
  const reportFile = path.join(dir, `${name}.json`);
  const report = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : null;
  const p = report ? report.numPassedTests : 0;
  // A test file that failed to load (syntax error, crash in a hook) has no test results but failed.
  const f = report ? report.numFailedTests + report.numRuntimeErrorTestSuites : 0;
  // Skipped or todo tests are not allowed to pass silently.
  const s = report ? report.numPendingTests + report.numTodoTests : 0;
  const whole =
    note ||
    (!report && 'wrote no report') ||
    (report.numTotalTests === 0 && 'ran zero tests') ||
    (rc !== '0' && f + s === 0 && `jest exited ${rc} with no failed test (see ${name}.log)`) ||
    '';
  passed += p;
  failed += f + s + (whole ? 1 : 0);
  const bad = f + s > 0 || whole;
  rows.push(
    `  ${bad ? 'FAIL' : 'ok  '}  ${name}: ${p} passed, ${f} failed${s ? `, ${s} skipped (counted as failed)` : ''}` +
      `${whole ? ` — suite failed: ${whole} (counted as 1 failed)` : ''} (${seconds} s)`,
  );
  // Name each failed test here too: CI may keep only the end of the output, and a flake that can't be
  // named can't be fixed.
  for (const file of report ? report.testResults : []) {
    const where = path.relative(process.cwd(), file.name);
    if (file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed')) {
      rows.push(
        `          ✕ ${where}: ${(file.message || 'failed to run')
          .split('\n')
          .map((l) => l.trim())
          .find(Boolean)}`,
      );
    }
    for (const a of file.assertionResults) {
      if (a.status === 'failed') rows.push(`          ✕ ${where} › ${a.fullName}`);
    }
  }
}
failed += steps.failed;
console.log('\nTest summary:\n' + rows.join('\n'));
console.log(
  `steps: ${steps.passed} passed, ${steps.failed} failed${steps.failed ? ' (each failed step is counted in the failed tests below)' : ''}`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
