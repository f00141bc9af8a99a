// `npm test`: the type check, the layering lint, then every test (unit,
// integration, property, fuzz, end-to-end in headless Chromium), ending with
// one plain summary line. Extra arguments go to vitest (e.g. a file filter).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const step = (label, command, args) => {
  console.log(`\n== ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
};

const checks = [
  ['type check (tsc)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['lint, including layer boundaries (eslint)', bin('eslint'), ['.', '--max-warnings=0']],
];
let checksFailed = 0;
for (const [label, command, args] of checks) if (!step(label, command, args)) checksFailed += 1;

const reportDir = join(root, 'dist', 'test-report');
const reportFile = join(reportDir, 'vitest.json');
mkdirSync(reportDir, { recursive: true });
rmSync(reportFile, { force: true });
step('tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...process.argv.slice(2)]);

// A run that died before reporting, or failed outside any test (a suite that
// would not load), counts as one failure.
const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : null;
const outsideTests = !report || (!report.success && report.numFailedTests === 0) ? 1 : 0;
const passed = (report?.numPassedTests ?? 0) + checks.length - checksFailed;
const failed = (report?.numFailedTests ?? 0) + outsideTests + checksFailed;
const skipped = (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
