import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate } from '../../../db/open';
import { foldSearchText } from '../../../shared/records/searchText';

const folder = join(__dirname, '..', '..', '..', 'db', 'migrations');

/**
 * What each released migration builds, pinned: the SHA-256 of the schema
 * (sqlite_master) at every version. A released migration is never edited, so
 * these never change; a new migration adds a line. If one fails, an edit (or
 * something a migration reached outside its own file) changed what an old
 * database is upgraded through.
 */
const SCHEMA_AT_VERSION: Record<number, string> = {
  1: '4d79c028f2fa29ed0b8e394e4980583db7c27b44504901bd5e2880d070c32176',
  2: 'c861f86f86d984be068178fd56e7207057d0d25b998cfaf9d9f9b346b7997cb4',
  3: '2f4de9098bd2ccb79b8a7fd1a75ca991de6b64cb0fe9259618e02f231ae865d2',
  4: 'd8fde54c493da86fdaeeaa00838e09c0849ae1007e4ff746a03adab69777dc51',
  5: '4b33088bc03aac955ad7226fd3931faafc223243ab0bcb843299c77e07fb4905',
  6: '5200559d0d69266a40d9d138e0b2a1b258d62332aaa16901075d961aaaa23fc1',
  7: 'cbf4a97a53efec118bce5adffdc2e2e763a11ead57bdf105a1b305b4d87e1dc4',
  8: '4ef48c985e786218f29ece5cc92b47326dbbc53ad704889172cc0abadfe16de1',
  9: '6273762f804fafdb56ce08b60fdee5dccbaf4e9b6e5b1a4aa8757e02f0b4ad83',
  10: 'cac520839a3d72cc725598aba85560f07adb4259f25680ad2d5c973d506606b2',
  11: 'bfd9ed3a1f91fa5acd39f9bcbfbade19d476d7f5b3733d6e11cbe8c53b67ed73',
  12: '88238f977b49206ccaa7dab0676b75d43c8f21a9a552e8c04b085ab081f90730',
  13: '9dc8c37f730461011d54de53fe65afa96eed5fd479006a46f87d18ba4634767c',
  14: '3a0bad8d43e01a33190e897db8946d0316d8a85799b78c8ee4a8f4e48d336f87',
  15: '75ad3772c95eb084f2375183cacfe2e658dad310b258e33275092e03dd9cd6d1',
  16: 'bc8bda488d76818189f2787b5d648aa84641d0ba131f41b2423a8b7f314466b0',
  17: 'f736f19ade31f99b6a82891d163c39618026faa8dbd576d503027a180f39c862',
  18: '171efc1b538db1e4055fec403c0772b8694ff531c2d813d2fb1ab0dc8f3dbac2',
  19: '7ef1cad79c977760337603196bd6789ecab1a18e7a2ceec31d0310788dd06a25',
  20: 'c57173e01ec7a10e78a87a91eae8dc3a1b37901f05b1c6deaa7ce2de38d54a5e',
  21: 'fe7ee36a3722162e147bf07b9405d026ffc5b7e46ba7fc889583a6635db45132',
};

const schemaHash = (version: number) => {
  const db = new Database(':memory:');
  migrate(db, migrations.slice(0, version));
  const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();
  db.close();
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
};

describe('released migrations are frozen', () => {
  it('import nothing but their own type: no live code can change what they do', () => {
    const files = readdirSync(folder).filter((name) => /^\d{4}_.*\.ts$/.test(name));
    expect(files.length).toBe(migrations.length);
    for (const name of files) {
      const imports = readFileSync(join(folder, name), 'utf8').match(/^import .*$/gm) ?? [];
      expect(imports, name).toEqual(["import type { Migration } from './types';"]);
    }
  });

  it('build exactly the schema they built when released', () => {
    const hashes = Object.fromEntries(migrations.map((m) => [m.version, schemaHash(m.version)]));
    expect(hashes).toEqual(SCHEMA_AT_VERSION);
  });

  it('index text folded the way a search query is folded', () => {
    const db = new Database(':memory:');
    migrate(db);
    const samples = ['إدارة الأمن العامّة', 'مُذَكَّرةُ تفاهم\tآفاق ٱلتعاون', 'وزارة الداخلية ـــ الحدود', 'مستشفى', 'Police\nacadémie\r'];
    const insert = db.prepare("INSERT INTO partners (id, name, iso_code, notes, created_at, updated_at) VALUES (?, ?, '', '', 't', 't')");
    samples.forEach((name, index) => insert.run(`p${index}`, name));
    const indexed = db.prepare("SELECT s.title FROM search_index s JOIN search_docs d ON d.doc = s.rowid WHERE d.type = 'partners' ORDER BY d.row_id").pluck().all();
    expect(indexed).toEqual(samples.map(foldSearchText));
  });
});
