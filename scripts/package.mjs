// The app folder electron-builder packs (directories.app in electron-builder.yml):
// only what runs. The bundles (docx, zod, the i18n code... are inside main.cjs),
// and the few modules the bundles leave external (see EXTERNAL in build.mjs),
// each with only its runtime files: better-sqlite3-multiple-ciphers with the prebuilt N-API
// binary of the target platform alone, Amiri and DejaVu with the faces the
// documents embed and their licences (Amiri's package has none: the OFL notice
// is main/documents/AMIRI-OFL.txt, staged beside the fonts as OFL.txt).
//   stageApp({ platform, arch }) -> { dir, files }   (files: paths relative to dir)
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const STAGE_DIR = join(root, 'dist', 'app');

/** The built files the desktop app loads (dist/main/cli.cjs is the CLI's, not the window's). */
export const APP_BUNDLES = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/main/syncWorker.cjs', 'dist/main/sheetsWorker.cjs'];

/** The packages whose font files the documents embed. */
export const FONT_PACKAGES = ['dejavu-fonts-ttf', '@expo-google-fonts/amiri'];
/** The licence notice staged beside a font package that ships none (from the repository, to the package's folder). */
export const FONT_LICENCES = { '@expo-google-fonts/amiri': { from: 'main/documents/AMIRI-OFL.txt', to: 'OFL.txt' } };

/** The font files of a package main/documents/fonts.ts resolves, read from its source so the two cannot drift. */
export function documentFontFiles(rootDir = root, fontPackage = 'dejavu-fonts-ttf') {
  const source = readFileSync(join(rootDir, 'main', 'documents', 'fonts.ts'), 'utf8');
  const escaped = fontPackage.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return [...source.matchAll(new RegExp(`'${escaped}\\/([^']+)'`, 'g'))].map((match) => match[1]);
}

/** Modules a bundle still requires by name at run time (electron is the runtime itself). */
export function externalRequires(rootDir = root) {
  const names = new Set();
  for (const bundle of APP_BUNDLES) {
    const code = readFileSync(join(rootDir, bundle), 'utf8');
    for (const match of code.matchAll(/require\("([^".][^"]*)"\)/g)) {
      const name = match[1].startsWith('@') ? match[1].split('/').slice(0, 2).join('/') : match[1].split('/')[0];
      if (!name.startsWith('node:') && name !== 'electron' && !BUILTINS.has(name)) names.add(name);
    }
    for (const fontPackage of FONT_PACKAGES) if (code.includes(`${fontPackage}/`)) names.add(fontPackage);
  }
  return [...names].sort();
}
const BUILTINS = new Set(createRequire(import.meta.url)('node:module').builtinModules);

const prebuildTarget = (platform, arch) => `${platform}-${arch}`;

/**
 * Which files of a package ship. Packages with a rule name their runtime files;
 * the rest ship whole except what never runs (docs, maps, types, tests).
 */
function packageRule(name, { platform, arch, rootDir }) {
  if (name === 'better-sqlite3-multiple-ciphers') {
    const target = prebuildTarget(platform, arch);
    return {
      dependencies: false, // node-addon-api is for compiling, and nothing is compiled
      keep: (path) =>
        path === 'package.json' ||
        path === 'LICENSE' ||
        path === `prebuilds/${target}.node` ||
        (path.startsWith('lib/') && !/^lib\/(linux|linuxmusl|darwin|win32)-/.test(path)),
    };
  }
  if (FONT_PACKAGES.includes(name)) {
    const fonts = new Set(documentFontFiles(rootDir, name));
    return { dependencies: false, keep: (path) => path === 'package.json' || path === 'LICENSE' || fonts.has(path) };
  }
  if (name === 'pdfkit') {
    // js/ also holds ES-module and browser builds (a 6 MB standalone bundle among them); Node requires the .js/.cjs files.
    return { dependencies: true, keep: (path) => !NEVER_RUNS.test(path) && !/\.mjs$|standalone|browser/.test(path) };
  }
  return { dependencies: true, keep: (path) => !NEVER_RUNS.test(path) };
}
const NEVER_RUNS =
  /(^|\/)(test|tests|__tests__|docs?|examples?|\.github|bench|benchmark)\/|\.(map|md|markdown|ts|mts|cts|tsx|flow|c|cc|cpp|h|hpp|gyp|gypi)$|(^|\/)(tsconfig[^/]*\.json|\.[^/]+rc(\.[a-z]+)?|\.editorconfig|\.npmignore|Makefile|rollup\.config\.[a-z]+|vitest\.config\.[a-z]+|jsconfig\.json)$/i;

function walk(dir, base = dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') walk(full, base, out);
    } else if (entry.isFile()) out.push(relative(base, full).split(sep).join('/'));
  }
  return out;
}

const ALTERNATE_BUILDS = new Set(['src', 'esm', 'es', 'module', 'mjs']);

/** The top-level folder of the file `require(name)` loads ('' for the package root). */
function entryTopFolder(name, fromDir) {
  let entry;
  try {
    entry = createRequire(join(fromDir, 'noop.js')).resolve(name);
  } catch {
    return null; // no entry point (a data-only package such as the fonts)
  }
  const inside = relative(packageDir(name, fromDir), entry).split(sep);
  return inside.length > 1 ? inside[0] : '';
}

/** Finds a package's folder as Node would from `fromDir`. */
function packageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`${name} is not installed (looked up from ${fromDir})`);
  }
}

/**
 * The runtime closure of the external modules: [{ name, from, to, files }],
 * each copied to the same place under node_modules it has in the project, so
 * Node resolves every require the same way inside the package.
 */
export function runtimeModules({ platform = process.platform, arch = process.arch, rootDir = root } = {}) {
  const seen = new Map();
  const visit = (name, fromDir) => {
    const from = packageDir(name, fromDir);
    if (seen.has(from)) return;
    const rule = packageRule(name, { platform, arch, rootDir });
    const entryFolder = entryTopFolder(name, fromDir);
    // A package that also carries its source or an ES-module copy beside the CommonJS build Node loads ships the build only.
    const secondCopy = (path) => ALTERNATE_BUILDS.has(path.split('/')[0]) && path.includes('/') && path.split('/')[0] !== entryFolder;
    const files = walk(from).filter((path) => rule.keep(path) && !secondCopy(path));
    seen.set(from, { name, from, to: relative(rootDir, from).split(sep).join('/'), files, dropsDependencies: !rule.dependencies });
    if (!rule.dependencies) return;
    const manifest = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8'));
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, from);
  };
  for (const name of externalRequires(rootDir)) visit(name, rootDir);
  return [...seen.values()].sort((a, b) => a.to.localeCompare(b.to));
}

/** The package.json inside the app: what electron-builder and Electron read; no dependencies to collect again. */
export function appManifest(rootDir = root) {
  const project = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8'));
  return {
    name: project.name,
    productName: 'Accord',
    version: project.version,
    description: project.description,
    // deb and the Windows installers show these; the project's package.json may set its own.
    author: project.author ?? { name: 'Accord maintainers', email: 'accord@example.org' },
    homepage: project.homepage ?? 'https://example.org/accord',
    license: project.license ?? 'UNLICENSED',
    main: 'dist/electron/main.cjs',
  };
}

/** Writes the app folder and returns the files in it. Needs `node scripts/build.mjs` first. */
export function stageApp({ platform = process.platform, arch = process.arch, rootDir = root, dir = STAGE_DIR } = {}) {
  for (const bundle of APP_BUNDLES) {
    if (!existsSync(join(rootDir, bundle))) throw new Error(`${bundle} is missing: run "node scripts/build.mjs" first`);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = ['package.json'];
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(appManifest(rootDir), null, 2)}\n`);
  const copy = (fromPath, toPath) => {
    mkdirSync(dirname(join(dir, toPath)), { recursive: true });
    cpSync(fromPath, join(dir, toPath));
    files.push(toPath);
  };
  for (const bundle of APP_BUNDLES) copy(join(rootDir, bundle), bundle);
  for (const file of walk(join(rootDir, 'dist', 'renderer'))) if (!file.endsWith('.map')) copy(join(rootDir, 'dist', 'renderer', file), `dist/renderer/${file}`);
  const modules = runtimeModules({ platform, arch, rootDir });
  for (const module of modules) {
    for (const file of module.files) copy(join(module.from, file), `${module.to}/${file}`);
    const licence = FONT_LICENCES[module.name];
    if (licence) copy(join(rootDir, licence.from), `${module.to}/${licence.to}`);
    if (module.dropsDependencies) {
      // What it depends on is for compiling (node-addon-api), and nothing is compiled: say so, so npm's view of the tree is whole.
      const manifestPath = join(dir, module.to, 'package.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      delete manifest.dependencies;
      writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    }
  }
  // The top-level modules are the app's dependencies: electron-builder copies them from here (and unpacks the .node file).
  const manifestPath = join(dir, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const direct = new Set(externalRequires(rootDir));
  manifest.dependencies = Object.fromEntries(
    modules.filter((module) => direct.has(module.name) && module.to === `node_modules/${module.name}`).map((module) => [module.name, JSON.parse(readFileSync(join(module.from, 'package.json'), 'utf8')).version]),
  );
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, files: files.sort() };
}

export function totalBytes(dir, files) {
  return files.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { dir, files } = stageApp();
  console.log(`staged ${files.length} files, ${(totalBytes(dir, files) / 1e6).toFixed(1)} MB, in ${relative(root, dir)}`);
}
