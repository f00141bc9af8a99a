/** Text helpers shared by the pre-export checks, the redline and the renderers. */

const ARABIC_INDIC_ZERO = 0x0660; // ٠..٩
const EASTERN_ARABIC_ZERO = 0x06f0; // ۰..۹ (Persian/Urdu forms, also typed in the region)

/** Arabic-Indic and Eastern Arabic digits to ASCII; Arabic decimal and thousands separators to '.' and ','. */
export function normaliseDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u066b\u066c]/g, (char) => {
    const code = char.charCodeAt(0);
    if (code === 0x066b) return '.';
    if (code === 0x066c) return ',';
    return String(code >= EASTERN_ARABIC_ZERO ? code - EASTERN_ARABIC_ZERO : code - ARABIC_INDIC_ZERO);
  });
}

const ARABIC_LETTER = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;

/** True when the text has at least one Arabic-script character: it is laid out right to left. */
export function containsArabic(text: string): boolean {
  return ARABIC_LETTER.test(text);
}

/**
 * Splits text into word, whitespace and punctuation tokens, in logical order.
 * Words keep their combining marks (Arabic harakat), tatweel and zero-width
 * joiners, so an Arabic word with diacritics is one token; Arabic punctuation
 * (، ؛ ؟) stands alone like Latin punctuation.
 */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}\u0640\u200c\u200d]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu) ?? [];
}

/** True when the text has something besides whitespace. */
export function hasText(text: string | undefined): boolean {
  return !!text && text.trim().length > 0;
}
