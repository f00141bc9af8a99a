/**
 * Money travels as integer minor units (cents); officers read and type major
 * units with two decimals. Conversion is done on the decimal text, never
 * through floating point, so 0.29 stays 29.
 */

const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Arabic-Indic and Extended Arabic-Indic digits as ASCII digits. */
export function asciiDigits(text: string): string {
  return text.replace(ARABIC_INDIC, (digit) => String((digit.charCodeAt(0) & 0xf) % 10));
}

/** "1,250,000.5" -> 125000050; '' -> null; anything else -> undefined (not an amount). */
export function parseMajorUnits(text: string): number | null | undefined {
  const cleaned = asciiDigits(text).replace(/[\s,\u066C]/g, '').replace('\u066B', '.');
  if (cleaned === '') return null;
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match) return undefined;
  const minor = BigInt(match[1]!) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  return minor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minor) : undefined;
}

/** 125000050 -> "1250000.50" (for inputs). */
export function minorToMajorText(minor: number | null | undefined): string {
  if (minor === null || minor === undefined) return '';
  const whole = Math.floor(minor / 100);
  return `${whole}.${String(minor % 100).padStart(2, '0')}`;
}
