// Keeps the house's layering machine-checked (see ../shared/ARCHITECTURE.md), at any depth:
//   shared/   imports nothing outside shared/ and no Node built-ins or electron
//   db/       imports shared/ (and npm packages)
//   main/     imports shared/ and db/
//   hosts (main/cli, main/electron, main/web) carry calls: they import their own folder, the gate
//             (main/app.ts, main/dispatch.ts) and its host-neutral helpers, and shared/; nothing that
//             reaches the database around the gate (db/, main/sync, main/documents, main/handlers...).
//             Type-only imports are erased and reach nothing. The CLI may start the web host (serve).
//   renderer/ imports shared/ only: never main/, db/, electron or Node built-ins
// A second rule: `.prepare(` (SQL) appears only in db/.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const LAYERS = {
  shared: { may: ['shared'], nodeAndElectron: false },
  db: { may: ['shared', 'db'], nodeAndElectron: true },
  main: { may: ['shared', 'db', 'main'], nodeAndElectron: true },
  renderer: { may: ['shared', 'renderer'], nodeAndElectron: false },
};
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function layerOf(root, file) {
  const top = relative(root, file).split(sep)[0];
  return top in LAYERS ? top : null;
}

const HOSTS = ['cli', 'electron', 'web'];
/** What every host may import from main/ besides its own folder: the gate and host-neutral helpers. */
const GATE = ['app', 'dispatch', 'dataPath', 'staticFiles'];
const HOST_MAY_IMPORT_HOST = { cli: ['web'] };

/** 'cli' | 'electron' | 'web' for a file inside a host folder, else null. */
function hostOf(root, file) {
  const parts = relative(root, file).split(sep);
  return parts[0] === 'main' && parts.length > 2 && HOSTS.includes(parts[1]) ? parts[1] : null;
}

/** Why a host may not import `target` (a resolved path), or null when it may. */
function hostViolation(root, host, target) {
  const parts = relative(root, target).split(sep);
  if (parts[0] === 'shared') return null;
  if (parts[0] !== 'main') return parts.join('/');
  if (parts[1] === host || (HOST_MAY_IMPORT_HOST[host] ?? []).includes(parts[1])) return null;
  if (parts.length === 2 && GATE.includes(parts[1].replace(/\.(ts|js|cjs|mjs)$/, ''))) return null;
  return parts.join('/');
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the shared/db/main/renderer import boundaries' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      crossesLayer: '{{from}}/ may not import from {{to}}/ ("{{source}}"). Allowed: {{allowed}}.',
      runtimeModule: '{{from}}/ must stay runtime-neutral: it may not import "{{source}}".',
      aroundTheGate: 'main/{{host}}/ is a host: it carries calls through the gate (main/app.ts, main/dispatch.ts) and may not import {{to}} ("{{source}}").',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const from = layerOf(root, file);
    if (!from) return {};
    const rules = LAYERS[from];
    const host = hostOf(root, file);
    function check(node, source, typeOnly = false) {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = resolve(dirname(file), source);
        if (host && !typeOnly) {
          const to = hostViolation(root, host, target);
          if (to) context.report({ node, messageId: 'aroundTheGate', data: { host, to, source } });
        }
        const to = layerOf(root, target);
        if (to && !rules.may.includes(to)) {
          context.report({ node, messageId: 'crossesLayer', data: { from, to, source, allowed: rules.may.join(', ') } });
        } else if (!to && !rules.may.includes('main')) {
          // A relative import leaving the known layers (e.g. into tests/ or scripts/).
          context.report({ node, messageId: 'crossesLayer', data: { from, to: relative(root, resolve(dirname(file), source)).split(sep)[0], source, allowed: rules.may.join(', ') } });
        }
        return;
      }
      if (!rules.nodeAndElectron && (BUILTINS.has(source) || BUILTINS.has(source.split('/')[0]) || source === 'electron' || source.startsWith('electron/'))) {
        context.report({ node, messageId: 'runtimeModule', data: { from, source } });
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === 'type'),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') check(node, node.arguments[0].value);
      },
    };
  },
};

/** @type {import('eslint').Rule.RuleModule} */
export const sqlInDbRule = {
  meta: {
    type: 'problem',
    docs: { description: 'SQL statements are prepared only in db/' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: { sqlOutsideDb: 'SQL lives in db/ only: move this .prepare( into a db/ function and call that.' },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const layer = layerOf(root, context.filename);
    if (!layer || layer === 'db') return {};
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'prepare') {
          context.report({ node, messageId: 'sqlOutsideDb' });
        }
      },
    };
  },
};

export default { rules: { layers: layersRule, 'sql-in-db': sqlInDbRule } };
