import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirectory } from '../helpers';
import { documentFontFiles, externalRequires, stageApp } from '../../scripts/package.mjs';

/**
 * What embassy IT installs: the electron-builder config (targets, fuses, file
 * associations, signing that is never required) and the app folder it packs
 * (only what runs). The last test packs a real `--dir` build with
 * electron-builder, offline, against a stand-in Electron binary.
 */
const root = join(__dirname, '..', '..');
const requireHere = createRequire(__filename);
const yaml = requireHere('js-yaml') as { load(text: string): any };
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));

describe('electron-builder.yml', () => {
  it('builds what IT deploys: MSI and per-machine NSIS, dmg, deb and AppImage', () => {
    expect(config.win.target).toEqual(['msi', 'nsis']);
    expect(config.msi.perMachine).toBe(true);
    expect(config.msi.upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(config.nsis.perMachine).toBe(true);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['deb', 'AppImage']);
    // deb refuses to build without a maintainer, a description and a homepage (from the app's package.json).
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.linux.description).toBeTruthy();
    expect(config.publish).toBeNull(); // no update feed: the app never phones home
  });

  it('sets the fuses: no running as Node, no NODE_OPTIONS or inspector, asar only and checked', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('associates bundles and signed MOU files with the app', () => {
    expect(config.fileAssociations.map((association: { ext: string }) => association.ext)).toEqual(['accord-bundle', 'accord-mou.zip', 'accord-mou.age']);
  });

  it('packs the staged app folder and compiles nothing', () => {
    expect(config.directories.app).toBe('dist/app');
    expect(config.npmRebuild).toBe(false);
    expect(config.forceCodeSigning).toBe(false);
  });

  it('has an icon set: a 1024 px icon.png and the Linux sizes, all square PNGs', () => {
    const size = (file: string) => {
      const bytes = readFileSync(file);
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    };
    expect(size(join(root, 'build', 'icon.png'))).toEqual([1024, 1024]);
    for (const file of readdirSync(join(root, 'build', 'icons'))) {
      const [n] = file.split('x').map(Number);
      expect(size(join(root, 'build', 'icons', file))).toEqual([n, n]);
    }
  });

  it('signs on Windows only when the environment says how', async () => {
    const hook = requireHere(join(root, config.win.signtoolOptions.sign)) as { default(configuration: object, packager: object): Promise<void> };
    const saved = process.env.ACCORD_WINDOWS_SIGN;
    delete process.env.ACCORD_WINDOWS_SIGN;
    try {
      // No command and no certificate (cscInfo): nothing runs, nothing is asked of the packager.
      await expect(hook.default({ path: 'Accord.exe' }, {})).resolves.toBeUndefined();
    } finally {
      if (saved !== undefined) process.env.ACCORD_WINDOWS_SIGN = saved;
    }
  });
});

describe('the staged app folder (what electron-builder packs)', () => {
  const dir = tempDirectory();
  let files: string[] = [];
  beforeAll(() => {
    files = stageApp({ dir: join(dir.path, 'app') }).files;
  });
  afterAll(() => dir.remove());
  const app = () => join(dir.path, 'app');

  it('holds no sources, maps, type declarations or docs', () => {
    expect(files.filter((file) => /\.(ts|tsx|mts|map|md|cc|cpp|h|gyp)$/.test(file))).toEqual([]);
    expect(files.filter((file) => /^(main|shared|db|renderer|scripts|tests)\//.test(file))).toEqual([]);
    expect(files).not.toContain('dist/main/cli.cjs');
  });

  it('does not ship a second copy of what main.cjs already bundles', () => {
    expect(externalRequires()).toEqual(['@expo-google-fonts/amiri', 'better-sqlite3-multiple-ciphers', 'dejavu-fonts-ttf', 'pdfkit']);
    const modules = new Set(files.filter((file) => file.startsWith('node_modules/')).map((file) => file.split('/').slice(1, file.split('/')[1]!.startsWith('@') ? 3 : 2).join('/')));
    for (const bundled of ['docx', 'zod', 'intl-messageformat', 'bidi-js', '@formatjs/icu-messageformat-parser', 'node-addon-api', 'electron']) expect(modules).not.toContain(bundled);
  });

  it('ships better-sqlite3-multiple-ciphers with only the target platform binary', () => {
    const binaries = files.filter((file) => file.endsWith('.node'));
    expect(binaries).toEqual([`node_modules/better-sqlite3-multiple-ciphers/prebuilds/${process.platform}-${process.arch}.node`]);
    expect(files.some((file) => file.startsWith('node_modules/better-sqlite3-multiple-ciphers/deps/') || file.startsWith('node_modules/better-sqlite3-multiple-ciphers/src/'))).toBe(false);
    const staged = createRequire(join(app(), 'dist', 'electron', 'main.cjs'));
    const Database = staged('better-sqlite3-multiple-ciphers') as typeof import('better-sqlite3-multiple-ciphers');
    const db = new Database(':memory:');
    expect(db.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
    db.close();
  });

  it('ships only the DejaVu faces the documents embed, with their licence, and pdfkit renders with them', async () => {
    const fonts = files.filter((file) => file.startsWith('node_modules/dejavu-fonts-ttf/'));
    expect(fonts.sort()).toEqual(['LICENSE', 'package.json', ...documentFontFiles()].map((file) => `node_modules/dejavu-fonts-ttf/${file}`).sort());
    const staged = createRequire(join(app(), 'dist', 'electron', 'main.cjs'));
    const PDFDocument = staged('pdfkit') as typeof import('pdfkit');
    const pdf = new PDFDocument();
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => pdf.on('end', resolve));
    pdf.font(staged.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')).text('مذكرة تفاهم MOU');
    pdf.end();
    await ended;
    expect(Buffer.concat(chunks).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('ships the Amiri faces the documents embed with the SIL Open Font License notice and Amiri\'s copyright beside them', () => {
    const fonts = files.filter((file) => file.startsWith('node_modules/@expo-google-fonts/amiri/'));
    expect(fonts.sort()).toEqual(['OFL.txt', 'package.json', ...documentFontFiles(undefined, '@expo-google-fonts/amiri')].map((file) => `node_modules/@expo-google-fonts/amiri/${file}`).sort());
    const notice = readFileSync(join(app(), 'node_modules', '@expo-google-fonts', 'amiri', 'OFL.txt'), 'utf8');
    expect(notice).toContain('Copyright 2010-2022 The Amiri Project Authors');
    expect(notice).toContain('SIL OPEN FONT LICENSE');
    expect(notice).toContain('Version 1.1');
    const staged = createRequire(join(app(), 'dist', 'electron', 'main.cjs'));
    expect(existsSync(staged.resolve('@expo-google-fonts/amiri/400Regular/Amiri_400Regular.ttf'))).toBe(true);
  });

  it('declares the runtime modules as the app package.json dependencies and points main at the Electron bundle', () => {
    const manifest = JSON.parse(readFileSync(join(app(), 'package.json'), 'utf8'));
    expect(manifest.main).toBe('dist/electron/main.cjs');
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['@expo-google-fonts/amiri', 'better-sqlite3-multiple-ciphers', 'dejavu-fonts-ttf', 'pdfkit']);
    expect(existsSync(join(app(), 'dist', 'main', 'syncWorker.cjs'))).toBe(true);
  });
});

/** An executable with Electron's fuse wire (sentinel, version 1, then one byte per fuse) and stock settings. */
function standInElectron(folder: string): void {
  mkdirSync(join(folder, 'resources'), { recursive: true });
  const wire = Buffer.from('101100010', 'latin1'); // RunAsNode, NODE_OPTIONS and inspect on; integrity and asar-only off
  writeFileSync(join(folder, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, wire.length]), wire]));
  chmodSync(join(folder, 'electron'), 0o755);
  writeFileSync(join(folder, 'LICENSE'), 'stand-in');
  writeFileSync(join(folder, 'version'), '45.4.1');
}

describe.runIf(process.platform === 'linux')('an offline `--dir` build with electron-builder', () => {
  const dir = tempDirectory();
  afterAll(() => dir.remove());

  it('packs the staged app into app.asar, unpacks only better-sqlite3-multiple-ciphers, and flips the fuses', async () => {
    const electronDist = join(dir.path, 'electron');
    standInElectron(electronDist);
    const staged = join(dir.path, 'app');
    stageApp({ dir: staged });
    const out = join(dir.path, 'release');
    const electronVersion = JSON.parse(readFileSync(requireHere.resolve('electron/package.json'), 'utf8')).version;
    const result = spawnSync(
      process.execPath,
      [requireHere.resolve('electron-builder/cli.js'), '--linux', '--dir', '--config', 'electron-builder.yml', `-c.electronDist=${electronDist}`, `-c.electronVersion=${electronVersion}`, `-c.directories.app=${staged}`, `-c.directories.output=${out}`],
      { cwd: root, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
    );
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const unpacked = join(out, 'linux-unpacked');
    const asar = requireHere('@electron/asar') as { listPackage(path: string): string[] };
    const packed = asar.listPackage(join(unpacked, 'resources', 'app.asar')).map((path) => path.slice(1));
    expect(packed).toContain('dist/electron/main.cjs');
    expect(packed).toContain('dist/main/syncWorker.cjs');
    expect(packed).toContain('dist/renderer/index.html');
    expect(packed.filter((path) => /\.(ts|map)$/.test(path) || path.startsWith('node_modules/docx'))).toEqual([]);
    const unpackedFiles = readdirSync(join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules'));
    expect(unpackedFiles).toEqual(['better-sqlite3-multiple-ciphers']);
    const fuses = requireHere('@electron/fuses') as typeof import('@electron/fuses');
    const wire = await fuses.getCurrentFuseWire(join(unpacked, 'accord'));
    const { FuseV1Options } = fuses;
    const FuseState = { DISABLE: '0'.charCodeAt(0), ENABLE: '1'.charCodeAt(0) };
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
  }, 180_000);
});
