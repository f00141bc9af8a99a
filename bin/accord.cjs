#!/usr/bin/env node
// The `accord` command. The CLI is bundled to dist/ by `npm run build`;
// a fresh clone builds it on first use.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const cli = join(root, 'dist', 'main', 'cli.cjs');
if (!existsSync(cli)) {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet'], { stdio: 'inherit', cwd: root });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
// Sets the exit code and lets stdout drain (a pipe reader gets every byte).
require(cli).main(process.argv.slice(2));
