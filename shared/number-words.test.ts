import { describe, expect, it } from 'vitest';
import { digitWordList, numberToWords, numberWordList } from './number-words';

describe('numberToWords (Vietnamese reading)', () => {
  it.each([
    [0, 'không'],
    [1, 'một'],
    [4, 'bốn'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [55, 'năm mươi lăm'],
    [91, 'chín mươi mốt'],
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [104, 'một trăm linh bốn'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [999, 'chín trăm chín mươi chín'],
    [1000, 'một nghìn'],
    [1005, 'một nghìn không trăm linh năm'],
    [1010, 'một nghìn không trăm mười'],
    [1023, 'một nghìn không trăm hai mươi ba'],
    [1100, 'một nghìn một trăm'],
    [2024, 'hai nghìn không trăm hai mươi tư'],
    [10000, 'mười nghìn'],
    [15000, 'mười lăm nghìn'],
    [21000, 'hai mươi mốt nghìn'],
    [10001, 'mười nghìn không trăm linh một'],
    [99999, 'chín mươi chín nghìn chín trăm chín mươi chín'],
    [100000, 'một trăm nghìn'],
    [1000000, 'một triệu'],
    [1000005, 'một triệu không trăm linh năm'],
    [2000000000, 'hai tỷ'],
  ])('%i → %s', (value, words) => {
    expect(numberToWords(value)).toBe(words);
  });

  it('reads 0 in the tens place as "lẻ" when asked (southern reading)', () => {
    expect(numberToWords(105, { zeroTens: 'le' })).toBe('một trăm lẻ năm');
    expect(numberToWords(1001, { zeroTens: 'le' })).toBe('một nghìn không trăm lẻ một');
    expect(numberToWords(115, { zeroTens: 'le' })).toBe('một trăm mười lăm');
  });

  it('gives one item per word for clip lookup', () => {
    expect(numberWordList(1023)).toEqual(['một', 'nghìn', 'không', 'trăm', 'hai', 'mươi', 'ba']);
  });

  it('refuses what it cannot read', () => {
    for (const bad of [-1, 1.5, Number.NaN, 1e12]) expect(() => numberToWords(bad)).toThrow(RangeError);
  });

  it('reads digits one by one', () => {
    expect(digitWordList('0105')).toEqual(['không', 'một', 'không', 'năm']);
  });
});
