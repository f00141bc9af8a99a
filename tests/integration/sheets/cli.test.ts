import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseXlsx } from '../../../main/sheets/xlsx';
import { tempDirectory } from '../../helpers';

const bin = join(__dirname, '..', '..', '..', 'bin', 'accord.cjs');
const dir = tempDirectory();
afterAll(() => dir.remove());
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ACCORD_DB: join(dir.path, 'cli.sqlite'), ACCORD_LANG: 'en' } });

describe('accord sheet', () => {
  it('imports (preview, --yes, --valid-rows-only), exports and writes templates, with exit codes', () => {
    const file = join(dir.path, 'partners.csv');
    writeFileSync(file, '\uFEFFName,ISO code\r\nJordan,JO\r\nTunisia,TUN\r\nBad,J0\r\n');
    const preview = run('sheet', 'import', file, '--type', 'partners');
    expect(preview.stdout).toContain('New 2, updated 0, unchanged 0, errors 1.');
    expect(preview.stdout).toContain('Nothing was written');
    expect(preview.status).toBe(1);
    const refused = run('sheet', 'import', file, '--type', 'partners', '--yes');
    expect(refused.stdout).toContain('fix the rows above');
    expect(refused.status).toBe(1);
    const applied = run('sheet', 'import', file, '--type', 'partners', '--yes', '--valid-rows-only');
    expect(applied.status).toBe(0);
    const rejected = parseXlsx(readFileSync(join(dir.path, 'partners-rejected.xlsx'))).table;
    expect(rejected.headers).toEqual(['Row', 'Name', 'ISO code', 'Reason']);
    expect(rejected.rows.map((line) => line.cells.slice(0, 3))).toEqual([[4, 'Bad', 'J0']]);
    const again = run('sheet', 'import', file, '--type', 'partners', '--yes', '--valid-rows-only');
    expect(again.stdout).toContain('New 0, updated 0, unchanged 2, errors 1.');

    const out = join(dir.path, 'partners.xlsx');
    expect(run('sheet', 'export', '--type', 'partners', '--format', 'xlsx', '--out', out).status).toBe(0);
    expect(parseXlsx(readFileSync(out)).table.rows.map((row) => row.cells[1]).sort()).toEqual(['Jordan', 'Tunisia']);
    const template = join(dir.path, 't.xlsx');
    expect(run('sheet', 'template', '--type', 'people', '--lang', 'ar', '--out', template).status).toBe(0);
    expect(existsSync(template)).toBe(true);
    expect(run('sheet', 'export', '--type', 'nothing', '--format', 'csv', '--out', out).status).toBe(2);
    const notSheet = join(dir.path, 'x.pdf');
    writeFileSync(notSheet, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0]));
    const bad = run('sheet', 'import', notSheet, '--type', 'partners');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('not a spreadsheet');
  });
});
