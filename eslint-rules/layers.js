// Keeps the house's layering machine-checked (see ../shared/ARCHITECTURE.md):
//   shared/   imports nothing outside shared/ and no Node built-ins or electron
//   db/       imports shared/ (and npm packages)
//   main/     imports shared/ and db/
//   renderer/ imports shared/ only: never main/, db/, electron or Node built-ins
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

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the shared/db/main/renderer import boundaries' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      crossesLayer: '{{from}}/ may not import from {{to}}/ ("{{source}}"). Allowed: {{allowed}}.',
      runtimeModule: '{{from}}/ must stay runtime-neutral: it may not import "{{source}}".',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const from = layerOf(root, file);
    if (!from) return {};
    const rules = LAYERS[from];
    function check(node, source) {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const to = layerOf(root, resolve(dirname(file), source));
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
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') check(node, node.arguments[0].value);
      },
    };
  },
};

export default { rules: { layers: layersRule } };
