import { describe, expect, it } from 'vitest';
import { formatFileSize } from './file-size';

describe('formatFileSize', () => {
  it('uses MB from 1 MB on, KB below, with the locale decimal mark', () => {
    expect(formatFileSize(1_258_291, 'vi')).toBe('1,2 MB');
    expect(formatFileSize(1_258_291, 'en')).toBe('1.2 MB');
    expect(formatFileSize(12 * 1024 * 1024, 'vi')).toBe('12 MB');
    expect(formatFileSize(524_288, 'vi')).toBe('512 KB');
    expect(formatFileSize(1_536, 'vi')).toBe('1,5 KB');
    expect(formatFileSize(20, 'vi')).toBe('0,1 KB');
    expect(formatFileSize(0, 'vi')).toBe('0 KB');
  });
});
