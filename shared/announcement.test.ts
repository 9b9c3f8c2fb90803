import { describe, expect, it } from 'vitest';
import { buildAnnouncement, DEFAULT_ANNOUNCEMENT_TEMPLATE, splitTicketNumber, telex, voiceClipCatalog } from './announcement';

describe('telex clip names', () => {
  it.each([
    ['mười', 'muwowif'],
    ['mươi', 'muwowi'],
    ['một', 'mootj'],
    ['mốt', 'moots'],
    ['không', 'khoong'],
    ['lẻ', 'ler'],
    ['đến', 'ddeens'],
    ['quầy', 'quaayf'],
    ['tư', 'tuw'],
    ['lăm', 'lawm'],
  ])('%s → %s', (word, name) => {
    expect(telex(word)).toBe(name);
  });
});

describe('buildAnnouncement', () => {
  it('reads the default wording with the number in words and the prefix spelled', () => {
    const a = buildAnnouncement({ number: 'A1023', counterNumber: 3 });
    expect(a.text).toBe('Xin mời công dân có số thứ tự a một nghìn không trăm hai mươi ba đến quầy số ba');
    expect(a.clips).toEqual([
      'vi-xin-mowif-coong-daan-cos-soos-thuws-tuwj',
      'vi-chu-a',
      'vi-mootj', 'vi-nghinf', 'vi-khoong', 'vi-trawm', 'vi-hai', 'vi-muwowi', 'vi-ba',
      'vi-ddeens-quaayf-soos',
      'vi-ba',
    ]);
  });

  it('drops leading zeros, spells letters by their Vietnamese names and honours lẻ/linh', () => {
    expect(buildAnnouncement({ number: 'B105', counterNumber: 12 }, { zeroTens: 'le' }).text).toBe(
      'Xin mời công dân có số thứ tự bê một trăm lẻ năm đến quầy số mười hai',
    );
    expect(buildAnnouncement({ number: 'Đ005', counterNumber: 1 }).clips.slice(1, 3)).toEqual(['vi-chu-dd', 'vi-nawm']);
  });

  it('reads digits one by one when set', () => {
    const a = buildAnnouncement({ number: 'C021', counterNumber: 2 }, { numberReading: 'digits' });
    expect(a.text).toBe('Xin mời công dân có số thứ tự xê không hai một đến quầy số hai');
  });

  it('follows a configured template, counter name shown but not voiced', () => {
    const a = buildAnnouncement(
      { number: 'A102', counterNumber: 1, counterName: 'Tư pháp' },
      { template: 'Kính mời công dân có số thứ tự {number}, đến quầy số {counter} – {counterName}' },
    );
    expect(a.text).toBe('Kính mời công dân có số thứ tự a một trăm linh hai, đến quầy số một – Tư pháp');
    expect(a.clips[0]).toBe('vi-kinhs-mowif-coong-daan-cos-soos-thuws-tuwj');
    expect(a.clips.at(-1)).toBe('vi-mootj');
    expect(a.clips).toContain('vi-ddeens-quaayf-soos');
  });

  it('voices unknown template words one clip per word', () => {
    const a = buildAnnouncement({ number: 'A1', counterNumber: 4 }, { template: 'Mời số {number} tới quầy {counter}' });
    expect(a.clips).toEqual(['vi-mowif', 'vi-soos', 'vi-chu-a', 'vi-mootj', 'vi-towis', 'vi-quaayf', 'vi-boons']);
  });

  it('adds the English sentence after the Vietnamese one when asked', () => {
    const a = buildAnnouncement({ number: 'A1023', counterNumber: 12 }, { english: true });
    expect(a.text).toBe(
      'Xin mời công dân có số thứ tự a một nghìn không trăm hai mươi ba đến quầy số mười hai. Ticket number A one zero two three, please go to counter twelve.',
    );
    expect(a.clips.slice(-8)).toEqual(['en-ticket-number', 'en-letter-a', 'en-one', 'en-zero', 'en-two', 'en-three', 'en-please-go-to-counter', 'en-twelve']);
  });

  it('falls back to the default template when the template is blank', () => {
    expect(buildAnnouncement({ number: 'A1', counterNumber: 1 }, { template: '  ' })).toEqual(buildAnnouncement({ number: 'A1', counterNumber: 1 }, { template: DEFAULT_ANNOUNCEMENT_TEMPLATE }));
  });

  it('splits a ticket number into prefix letters and digits', () => {
    expect(splitTicketNumber('ab-012')).toEqual({ letters: ['A', 'B'], digits: '012' });
  });
});

describe('voice clip catalog', () => {
  it('holds every clip the default and English announcements use, each id once', () => {
    const ids = voiceClipCatalog().map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (let n = 0; n < 1200; n += 7) {
      for (const letter of ['A', 'B', 'Đ', 'G']) {
        for (const clip of buildAnnouncement({ number: `${letter}${n}`, counterNumber: (n % 30) + 1 }, { english: true }).clips) expect(ids).toContain(clip);
      }
    }
    for (const clip of buildAnnouncement({ number: 'A105', counterNumber: 1 }, { zeroTens: 'le', template: 'Xin mời số thứ tự {number} đến quầy số {counter}' }).clips) expect(ids).toContain(clip);
    expect(ids.every((id) => /^[a-z0-9-]+$/.test(id))).toBe(true);
  });
});
