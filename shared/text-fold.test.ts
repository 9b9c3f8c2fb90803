import { describe, expect, it } from 'vitest';
import { foldVietnamese, searchTokens, stripDiacritics } from './text-fold';

/** Every Vietnamese vowel with every tone, lower and upper case, folds to its base letter. */
const VOWELS: [string, string][] = [
  ['aàáảãạ', 'a'],
  ['ăằắẳẵặ', 'a'],
  ['âầấẩẫậ', 'a'],
  ['eèéẻẽẹ', 'e'],
  ['êềếểễệ', 'e'],
  ['iìíỉĩị', 'i'],
  ['oòóỏõọ', 'o'],
  ['ôồốổỗộ', 'o'],
  ['ơờớởỡợ', 'o'],
  ['uùúủũụ', 'u'],
  ['ưừứửữự', 'u'],
  ['yỳýỷỹỵ', 'y'],
];

describe('foldVietnamese', () => {
  for (const [letters, base] of VOWELS) {
    it(`folds ${letters} and ${letters.toUpperCase()} to ${base}`, () => {
      for (const ch of [...letters, ...letters.toUpperCase()]) expect(foldVietnamese(ch)).toBe(base);
    });
  }
  it('folds đ and Đ to d', () => {
    expect(foldVietnamese('đĐ')).toBe('dd');
  });
  it.each([
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['ĐĂNG KÝ', 'dang ky'],
    ['dăng ky', 'dang ky'],
    ['  Chứng thực   bản sao — từ bản chính! ', 'chung thuc ban sao tu ban chinh'],
    ['Giấy chứng nhận QSDĐ', 'giay chung nhan qsdd'],
    ['1.001193', '1.001193'],
  ])('%s → %s', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });
  it('also folds text composed with combining marks (NFD input)', () => {
    expect(foldVietnamese('Hộ tịch'.normalize('NFD'))).toBe('ho tich');
  });
  it('splits a query into at most 8 words', () => {
    expect(searchTokens(' khai  SINH ')).toEqual(['khai', 'sinh']);
    expect(searchTokens('a b c d e f g h i j')).toHaveLength(8);
    expect(searchTokens('—')).toEqual([]);
  });
});

describe('stripDiacritics', () => {
  it('keeps case, digits and punctuation', () => {
    expect(stripDiacritics('Còn 3 người nữa đến lượt quý khách (số A012). ĐÃ XONG!')).toBe('Con 3 nguoi nua den luot quy khach (so A012). DA XONG!');
  });
});
