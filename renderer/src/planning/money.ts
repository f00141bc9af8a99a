import { currencyDecimals } from '../../../shared/i18n/format';

/**
 * Money travels as integer minor units; officers read and type major units with the decimals of the record's
 * currency: two for USD, three for the Jordanian, Kuwaiti, Bahraini, Tunisian and Libyan dinars and the Omani
 * rial, none for the Iraqi dinar or the yen. Conversion is done on the decimal text, never through floating
 * point, so 0.29 stays 29 cents and 12.345 dinars stays 12345 fils.
 */

const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Arabic-Indic and Extended Arabic-Indic digits as ASCII digits. */
export function asciiDigits(text: string): string {
  return text.replace(ARABIC_INDIC, (digit) => String((digit.charCodeAt(0) & 0xf) % 10));
}

/** The decimals amounts of this currency are typed with (2 when the code is not a currency). */
export function decimalsOf(currency: unknown): number {
  return typeof currency === 'string' && /^[A-Z]{3}$/.test(currency.trim().toUpperCase()) ? currencyDecimals(currency.trim().toUpperCase()) : 2;
}

/** "1,250,000.5" -> 125000050 (2 decimals) or 1250000500 (3); '' -> null; anything else (too many decimals) -> undefined. */
export function parseMajorUnits(text: string, decimals = 2): number | null | undefined {
  const cleaned = asciiDigits(text).replace(/[\s,\u066C]/g, '').replace('\u066B', '.');
  if (cleaned === '') return null;
  const match = (decimals > 0 ? new RegExp(`^(\\d+)(?:\\.(\\d{0,${decimals}}))?$`) : /^(\d+)$/).exec(cleaned);
  if (!match) return undefined;
  const minor = BigInt(match[1]!) * 10n ** BigInt(decimals) + BigInt((match[2] ?? '').padEnd(decimals, '0') || '0');
  return minor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minor) : undefined;
}

/** 125000050 -> "1250000.50" (2 decimals), 1250000500 -> "1250000.500" (3), 1250000 -> "1250000" (0), for inputs. */
export function minorToMajorText(minor: number | null | undefined, decimals = 2): string {
  if (minor === null || minor === undefined) return '';
  if (decimals === 0) return String(minor);
  const scale = 10 ** decimals;
  return `${Math.floor(minor / scale)}.${String(minor % scale).padStart(decimals, '0')}`;
}

/** An example amount with these decimals, for hints and messages: "1250000.00", "1250000.000", "1250000". */
export function amountExample(decimals: number): string {
  return decimals === 0 ? '1250000' : `1250000.${'0'.repeat(decimals)}`;
}
