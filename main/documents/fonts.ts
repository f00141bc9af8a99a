import { createRequire } from 'node:module';

/**
 * The fonts every rendered MOU embeds, loaded from node_modules, never from
 * the system, so a post renders the same document whatever fonts its
 * machine has.
 *
 * Amiri is a Naskh face drawn for Arabic book and legal typesetting, with a
 * Latin drawn to match it: the English and Arabic texts of an MOU read as one
 * document. It is licensed under the SIL Open Font License 1.1, which allows
 * bundling and embedding; the notice (AMIRI_LICENSE) ships beside the fonts.
 * DejaVu Sans stays as the fallback for the few symbols Amiri lacks.
 */

// __filename exists in the esbuild CommonJS bundle (dist/) and under vitest; resolution walks up to node_modules.
const requireFromHere = createRequire(__filename);

export const DOCUMENT_FONT_FAMILY = 'Amiri';

export const DOCUMENT_FONTS = {
  regular: requireFromHere.resolve('@expo-google-fonts/amiri/400Regular/Amiri_400Regular.ttf'),
  bold: requireFromHere.resolve('@expo-google-fonts/amiri/700Bold/Amiri_700Bold.ttf'),
} as const;

/** For a character Amiri has no glyph for (arrows, box and check marks). */
export const FALLBACK_FONTS = {
  regular: requireFromHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: requireFromHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

/** CSS family name used by the HTML renderer (with system fallbacks for Arabic). */
export const HTML_FONT_STACK = "'Amiri', 'Noto Naskh Arabic', 'DejaVu Sans', 'Segoe UI', Tahoma, Arial, serif";
