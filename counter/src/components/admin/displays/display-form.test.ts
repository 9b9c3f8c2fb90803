import { describe, expect, it } from 'vitest';
import { formatSlides, parseMarquee, parseSlides } from './display-form';

describe('display form text fields', () => {
  it('reads one notice per line', () => {
    expect(parseMarquee(' Giờ làm việc 7h00 \n\n Giữ trật tự ')).toEqual(['Giờ làm việc 7h00', 'Giữ trật tự']);
  });

  it('reads slides separated by blank lines, with an optional image path, and writes them back', () => {
    const text = 'Chào mừng\nXin mời lấy số\nTại kiosk\n\n/api/office/logo\nLogo\n\n  \n';
    const slides = parseSlides(text);
    expect(slides).toEqual([
      { title: 'Chào mừng', body: 'Xin mời lấy số\nTại kiosk', imageUrl: '' },
      { title: 'Logo', body: '', imageUrl: '/api/office/logo' },
    ]);
    expect(parseSlides(formatSlides(slides))).toEqual(slides);
  });
});
