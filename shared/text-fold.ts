/**
 * Folds Vietnamese text for accent-insensitive search: Unicode NFD, combining marks removed (tones, circumflex,
 * breve, horn), đ/Đ → d, lower case, runs of spaces and punctuation collapsed to one space. The same function
 * folds what is indexed and what is typed, so "dang ky", "ĐĂNG KÝ" and "dăng ky" all meet "Đăng ký".
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
    .trim();
}

/** Folded search words of a query (empty words dropped), at most `max`. */
export function searchTokens(query: string, max = 8): string[] {
  return foldVietnamese(query)
    .split(' ')
    .filter((w) => w.length > 0)
    .slice(0, max);
}

/** Vietnamese text without its diacritics, case and punctuation kept ("Còn 3 người" → "Con 3 nguoi"): SMS without Unicode. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}
