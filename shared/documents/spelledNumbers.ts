/**
 * Spelled-out numbers in English and Arabic, rewritten as digits so the
 * pre-export check compares "six months" with "ستة أشهر" and "thirty days"
 * with "ثلاثين يوماً" the way it compares digits. Arabic words are read with
 * their case endings and gender forms (ثلاث/ثلاثة, ثلاثون/ثلاثين), an attached
 * و/ب/ل/ف, harakat and tanween ignored; the dual of a counted noun (شهرين,
 * يومان) is the number two. A lone "one"/"واحد" is not counted ("one of the
 * Parties" is not a quantity); "thirty (30)" counts once.
 */

const ENGLISH_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const ENGLISH_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

type Word = { kind: 'add'; value: number } | { kind: 'hundred' } | { kind: 'thousand' } | { kind: 'whole'; value: number };

const ENGLISH: Record<string, Word> = { hundred: { kind: 'hundred' }, thousand: { kind: 'thousand' }, twice: { kind: 'whole', value: 2 } };
ENGLISH_UNITS.forEach((word, value) => (ENGLISH[word] = { kind: 'add', value }));
ENGLISH_TENS.forEach((word, index) => word && (ENGLISH[word] = { kind: 'add', value: index * 10 }));

const ARABIC: Record<string, Word> = {};
const add = (value: number, ...words: string[]) => words.forEach((word) => (ARABIC[word] = { kind: 'add', value }));
add(1, 'واحد', 'واحده');
add(2, 'اثنان', 'اثنين', 'اثنتان', 'اثنتين', 'اثنا', 'اثني', 'اثنتا', 'اثنتي');
add(3, 'ثلاث', 'ثلاثه');
add(4, 'اربع', 'اربعه');
add(5, 'خمس', 'خمسه');
add(6, 'ست', 'سته');
add(7, 'سبع', 'سبعه');
add(8, 'ثمان', 'ثماني', 'ثمانيه');
add(9, 'تسع', 'تسعه');
add(10, 'عشر', 'عشره');
add(20, 'عشرون', 'عشرين');
add(30, 'ثلاثون', 'ثلاثين');
add(40, 'اربعون', 'اربعين');
add(50, 'خمسون', 'خمسين');
add(60, 'ستون', 'ستين');
add(70, 'سبعون', 'سبعين');
add(80, 'ثمانون', 'ثمانين');
add(90, 'تسعون', 'تسعين');
add(100, 'مائه', 'مئه');
add(200, 'مئتان', 'مئتين', 'مائتان', 'مائتين');
for (const [value, stem] of [[3, 'ثلاث'], [4, 'اربع'], [5, 'خمس'], [6, 'ست'], [7, 'سبع'], [8, 'ثمان'], [9, 'تسع']] as const) add(value * 100, `${stem}مائه`, `${stem}مئه`);
ARABIC['الف'] = { kind: 'thousand' };
ARABIC['الاف'] = { kind: 'thousand' };
for (const word of ['الفان', 'الفين']) ARABIC[word] = { kind: 'whole', value: 2000 };
// The dual of a counted noun is itself the number two.
for (const word of ['يومان', 'يومين', 'شهران', 'شهرين', 'سنتان', 'سنتين', 'عامان', 'عامين', 'اسبوعان', 'اسبوعين', 'مرتان', 'مرتين', 'ساعتان', 'ساعتين']) ARABIC[word] = { kind: 'whole', value: 2 };
/** "أحد"/"إحدى" is eleven's first word only ("أحد الطرفين" is "one of the Parties"). */
const ELEVEN_FIRST = new Set(['احد', 'احدى']);

/** Harakat, tanween, tatweel and hamza forms folded, so a word is looked up as written in any of its spellings. */
function foldArabic(word: string): string {
  return word
    .replace(/[\u064b-\u0652\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ة/g, 'ه');
}

/** The number a word stands for, with whether it joined the previous word ("وعشرون"). */
function lookup(raw: string): { word: Word; joined: boolean } | { eleven: true; joined: boolean } | undefined {
  const lower = raw.toLowerCase();
  if (ENGLISH[lower]) return { word: ENGLISH[lower]!, joined: false };
  const folded = foldArabic(raw);
  const tries: [string, boolean][] = [[folded, false]];
  if (/^[وبلفك]/.test(folded) && folded.length > 2) tries.push([folded.slice(1), folded.startsWith('و')]);
  for (const [candidate, joined] of tries) {
    if (ARABIC[candidate]) return { word: ARABIC[candidate]!, joined };
    if (ELEVEN_FIRST.has(candidate)) return { eleven: true, joined };
  }
  return undefined;
}

/** Rewrites every spelled-out number in the text as its digits (other text kept). */
export function spelledNumbersToDigits(text: string): string {
  const tokens = text.match(/[\p{L}\p{M}\u0640]+|[^\p{L}\p{M}\u0640]+/gu) ?? [];
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = lookup(tokens[i]!);
    if (!first) {
      out.push(tokens[i]!);
      i++;
      continue;
    }
    let total = 0;
    let current = 0;
    let words = 0;
    let j = i;
    let onlyOne = true;
    while (j < tokens.length) {
      const found = lookup(tokens[j]!);
      if (!found) break;
      if ('eleven' in found) {
        const next = tokens[j + 2] ? lookup(tokens[j + 2]!) : undefined;
        if (!next || !('word' in next) || next.word.kind !== 'add' || next.word.value !== 10) break;
        current += 1;
      } else {
        const { word } = found;
        if (word.kind === 'add') current += word.value;
        else if (word.kind === 'hundred') current = (current || 1) * 100;
        else if (word.kind === 'thousand') {
          total += (current || 1) * 1000;
          current = 0;
        } else current += word.value;
        if (!(word.kind === 'add' && word.value === 1)) onlyOne = false;
      }
      words++;
      j++;
      // Between two words of one number: a space, a hyphen ("twenty-one") or " and " ("one hundred and five").
      const gap = tokens[j];
      if (gap === undefined || !/^[\s-]+$/.test(gap)) break;
      const afterGap = tokens[j + 1];
      if (afterGap && /^and$/i.test(afterGap) && tokens[j + 2] && /^\s+$/.test(tokens[j + 2]!) && tokens[j + 3] && lookup(tokens[j + 3]!)) {
        j += 3;
        continue;
      }
      if (!afterGap || !lookup(afterGap)) break;
      j++;
    }
    if (words === 0 || (onlyOne && words === 1)) {
      out.push(tokens[i]!);
      i++;
      continue;
    }
    out.push(String(total + current));
    i = j;
  }
  // "thirty (30) days" states one number twice.
  return out.join('').replace(/(?<!\d)(\d+)\s*\(\s*\1\s*\)/g, '$1');
}
