import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

/** Lints source text as if it lived at `file`, returning only layering complaints. */
async function layerErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'accord/layers').map((m) => m.message);
}

describe('layering lint rule', () => {
  it.each([
    ['renderer/src/x.ts', "import { openDatabase } from '../../db/open';", /renderer\/ may not import from db\//],
    ['renderer/src/x.ts', "import { dispatch } from '../../main/dispatch';", /renderer\/ may not import from main\//],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';", /may not import "electron"/],
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';", /may not import "node:fs"/],
    ['renderer/src/x.ts', "import path from 'path';", /may not import "path"/],
    ['renderer/src/x.ts', "const fs = require('fs');", /may not import "fs"/],
    ['renderer/src/x.ts', "export * from '../../main/app';", /renderer\/ may not import from main\//],
    ['shared/x.ts', "import { Store } from '../db/store';", /shared\/ may not import from db\//],
    ['shared/x.ts', "import { createHash } from 'node:crypto';", /may not import "node:crypto"/],
    ['shared/x.ts', "import { helper } from '../tests/helpers';", /shared\/ may not import from tests\//],
    ['db/x.ts', "import { handlers } from '../main/handlers';", /db\/ may not import from main\//],
    // Hosts carry calls through the gate, at any depth of their folder.
    ['main/cli/commands/x.ts', "import { selectRecords } from '../../../db/repositories/records';", /main\/cli\/ is a host: .* may not import db\/repositories\/records/],
    ['main/cli/commands/deep/x.ts', "import { importBundle } from '../../../sync/service';", /main\/cli\/ is a host: .* may not import main\/sync\/service/],
    ['main/cli/x.ts', "import { handlers } from '../handlers/index';", /main\/cli\/ is a host: .* may not import main\/handlers\/index/],
    ['main/web/x.ts', "import { exportMouDocument } from '../documents/service';", /main\/web\/ is a host: .* may not import main\/documents\/service/],
    ['main/electron/x.ts', "import { ensureKey } from '../sync/keys';", /main\/electron\/ is a host: .* may not import main\/sync\/keys/],
    ['main/electron/x.ts', "import { startWebHost } from '../web/server';", /main\/electron\/ is a host: .* may not import main\/web\/server/],
  ])('%s: refuses %s', async (file, source, expected) => {
    const errors = await layerErrors(file, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(expected);
  });

  it.each([
    ['renderer/src/x.ts', "import { contract } from '../../shared/contract'; import { z } from 'zod'; import { create } from 'zustand';"],
    ['shared/x.ts', "import { z } from 'zod'; import { msg } from './messages';"],
    ['db/x.ts', "import Database from 'better-sqlite3-multiple-ciphers'; import { AppError } from '../shared/result'; import { join } from 'node:path';"],
    ['main/x.ts', "import { openDatabase } from '../db/open'; import { contract } from '../shared/contract'; import { app } from 'electron';"],
    ['main/handlers/x.ts', "import { listRecords } from '../../db/repositories/records'; import { exportBundle } from '../sync/service';"],
    ['main/cli/commands/x.ts', "import { openApp } from '../../app'; import { call } from '../command'; import { contract } from '../../../shared/contract'; import { startWebHost } from '../../web/server';"],
    ['main/electron/x.ts', "import { dispatch } from '../dispatch'; import { resolveDatabasePath } from '../dataPath'; import type { KeyProtection } from '../sync/keys';"],
  ])('%s: allows its own imports', async (file, source) => {
    expect(await layerErrors(file, source)).toEqual([]);
  });
});

describe('SQL only in db/', () => {
  const sqlErrors = async (file: string, source: string) => {
    const [result] = await eslint.lintText(source, { filePath: join(root, file) });
    return result!.messages.filter((m) => m.ruleId === 'accord/sql-in-db').map((m) => m.message);
  };

  it.each([['main/handlers/x.ts'], ['main/cli/commands/deep/x.ts'], ['main/x.ts'], ['shared/x.ts'], ['renderer/src/x.ts']])('%s: .prepare( fails the lint', async (file) => {
    expect(await sqlErrors(file, "export const n = (db: any) => db.prepare('SELECT 1').get();")).toEqual([expect.stringMatching(/SQL lives in db\/ only/)]);
  });

  it('db/ may prepare statements', async () => {
    expect(await sqlErrors('db/repositories/x.ts', "export const n = (db: any) => db.prepare('SELECT 1').get();")).toEqual([]);
  });
});
