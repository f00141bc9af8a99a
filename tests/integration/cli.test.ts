import { TEST_OFFICER } from '../officer';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirectory } from '../helpers';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'accord.cjs');
const dir = tempDirectory();
afterAll(() => dir.remove());

const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ACCORD_DB: join(dir.path, 'cli.sqlite') } });

describe('accord CLI', () => {
  it('prints help listing serve, with exit code 0', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('accord serve [--db PATH] [--port N] [--no-open]');
  });

  it('writes all of its output before it exits, also on a pipe, and speaks Arabic when the reader does', () => {
    const db = join(dir.path, 'piped.sqlite');
    expect(run('seed', '--db', db, '--size', 'small', '--seed', '3').status).toBe(0);
    const whole = run('dump', '--db', db).stdout;
    expect(whole.length).toBeGreaterThan(64 * 1024);
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" dump --db "${db}" | wc -c`], { encoding: 'utf8' });
    expect(Number(piped.stdout.trim())).toBe(Buffer.byteLength(whole));
    const arabic = spawnSync(process.execPath, [bin, 'frobnicate'], { encoding: 'utf8', env: { ...process.env, ACCORD_LANG: 'ar' } });
    expect(arabic.status).toBe(2);
    expect(arabic.stderr).toContain('أمر غير معروف');
    expect(spawnSync(process.execPath, [bin, 'frobnicate'], { encoding: 'utf8', env: { ...process.env, ACCORD_LANG: '', LANG: 'ar_JO.UTF-8' } }).stderr).toContain('أمر غير معروف');
  }, 120_000);

  it('refuses an unknown command or flag with exit code 2', () => {
    expect(run('frobnicate').status).toBe(2);
    const badFlag = run('serve', '--colour', 'blue');
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).toMatch(/Usage: accord serve/);
    expect(run('serve', '--port', 'eighty').status).toBe(2);
  });

  it('serve prints one short block (mode, database, address, how to stop), then serves until stopped', async () => {
    const databasePath = join(dir.path, 'served.sqlite');
    const child = spawn(process.execPath, [bin, 'serve', '--db', databasePath, '--no-open', '--why', 'no Electron runtime here'], { env: { ...process.env, ACCORD_DB: '' } });
    const block = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Stop:')) resolve(out.trim());
      });
      child.on('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
    });
    const lines = block.split('\n');
    expect(lines[0]).toMatch(/^Accord \S+, browser mode: no Electron runtime here\.$/);
    expect(lines[1]).toBe(`Database: ${databasePath}`);
    expect(lines[2]).toMatch(/^Open http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64} in a browser\.$/);
    expect(lines[lines.length - 1]).toMatch(/^Stop: +press Ctrl\+C/);
    expect(lines.length).toBeLessThanOrEqual(5);
    const url = new URL(lines[2]!.split(' ')[1]!);
    // The same database gets the same port on every start (while it is free).
    const { stablePort } = await import('../../main/cli/commands/serve');
    expect(Number(url.port)).toBe(stablePort(databasePath));
    // The address alone reads nothing: an officer signs in first (here the post's first officer is created).
    const post = (method: string, input: unknown, cookie?: string) =>
      fetch(new URL(`/api/${method}`, url), {
        method: 'POST',
        headers: { Authorization: `Bearer ${url.searchParams.get('token')}`, 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
        body: JSON.stringify(input),
      });
    expect(await (await post('app.info', {})).json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const first = await post('officers.first', { ...TEST_OFFICER });
    const cookie = first.headers.get('set-cookie')?.split(';')[0];
    expect(cookie).toBeTruthy();
    const body = await (await post('app.info', {}, cookie)).json();
    expect(body).toMatchObject({ ok: true, value: { databasePath, handlingMarking: 'UNCLASSIFIED' } });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    // Closed cleanly: the write-ahead log was checkpointed and removed.
    expect(existsSync(`${databasePath}-wal`)).toBe(false);
  });

  it('refuses a database from a newer Accord with its own exit code', async () => {
    const Database = (await import('better-sqlite3-multiple-ciphers')).default;
    const path = join(dir.path, 'future.sqlite');
    const db = new Database(path);
    db.pragma('user_version = 9999');
    db.close();
    const result = run('serve', '--db', path, '--no-open');
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/newer version of Accord/);
  });
});
