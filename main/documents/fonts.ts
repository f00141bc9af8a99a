import { createRequire } from 'node:module';

/**
 * The fonts every rendered MOU embeds. DejaVu Sans covers Latin and Arabic in
 * one face (so mixed lines need no font switching), its license allows
 * redistribution, and it ships in an npm package, so a post renders the same
 * document whatever fonts its machine has. Loaded from node_modules, never
 * from the system.
 */

// __filename exists in the esbuild CommonJS bundle (dist/) and under vitest; resolution walks up to node_modules.
const requireFromHere = createRequire(__filename);

export const DOCUMENT_FONTS = {
  regular: requireFromHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: requireFromHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

/** CSS family name used by the HTML renderer (with system fallbacks for Arabic). */
export const HTML_FONT_STACK = "'DejaVu Sans', 'Noto Naskh Arabic', 'Noto Sans Arabic', 'Segoe UI', Tahoma, Arial, sans-serif";
