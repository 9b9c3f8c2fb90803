/** How 0 in the tens place is read ("một trăm linh năm" in the North, "một trăm lẻ năm" in the South). */
export type ZeroTens = 'linh' | 'le';

/** Options of the Vietnamese number reading. */
export interface NumberWordsOptions {
  /** Word for a zero tens digit before a units digit; default "linh" (domain.md §2: a setting). */
  zeroTens?: ZeroTens;
}

/** Vietnamese digit names 0–9. */
export const DIGIT_WORDS_VI = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

const digit = (d: number): string => DIGIT_WORDS_VI[d] as string;

/** Names of the groups of three digits, lowest first (up to 999 999 999 999). */
const GROUP_WORDS = ['', 'nghìn', 'triệu', 'tỷ'] as const;

/**
 * Reads 0–999 as words. `full` reads the hundreds even when 0 ("không trăm …"), as a group after a higher one
 * must be read; the special forms: 1 after a tens word is "mốt", 4 after a tens word is "tư", 5 after a tens
 * word (including "mười") is "lăm", 10 is "mười", 0 in the tens place is "linh"/"lẻ".
 */
function readGroup(n: number, full: boolean, zeroTens: ZeroTens): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(digit(hundreds), 'trăm');
  if (tens === 0) {
    if (units === 0) return words;
    if (words.length) words.push(zeroTens === 'le' ? 'lẻ' : 'linh');
    words.push(digit(units));
    return words;
  }
  words.push(...(tens === 1 ? ['mười'] : [digit(tens), 'mươi']));
  if (units === 0) return words;
  if (units === 5) words.push('lăm');
  else if (units === 1 && tens > 1) words.push('mốt');
  else if (units === 4 && tens > 1) words.push('tư');
  else words.push(digit(units));
  return words;
}

/**
 * A non-negative integer read in Vietnamese, one word per item: 1023 → ["một", "nghìn", "không", "trăm", "hai",
 * "mươi", "ba"]. Groups that are all zeros are skipped ("một triệu không trăm linh năm").
 */
export function numberWordList(value: number, options: NumberWordsOptions = {}): string[] {
  if (!Number.isSafeInteger(value) || value < 0 || value >= 1e12) throw new RangeError(`cannot read ${value}`);
  if (value === 0) return [digit(0)];
  const zeroTens = options.zeroTens ?? 'linh';
  const groups: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i] as number;
    if (g === 0) continue;
    words.push(...readGroup(g, words.length > 0, zeroTens));
    if (i > 0) words.push(GROUP_WORDS[i] as string);
  }
  return words;
}

/** A non-negative integer read in Vietnamese: 1023 → "một nghìn không trăm hai mươi ba". */
export function numberToWords(value: number, options: NumberWordsOptions = {}): string {
  return numberWordList(value, options).join(' ');
}

/** Digits read one by one: "0105" → ["không", "một", "không", "năm"] (the "đọc từng chữ số" option). */
export function digitWordList(digits: string): string[] {
  return [...digits].filter((d) => d >= '0' && d <= '9').map((d) => digit(Number(d)));
}
