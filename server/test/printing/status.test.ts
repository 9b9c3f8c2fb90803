import { describe, expect, it } from 'vitest';
import { decodeStatus, isStatusByte } from '../../src/printing/status';
import { statusByte } from './fake-printer';

describe('DLE EOT 1–4 decoding', () => {
  it.each([
    // [DLE EOT 1, 2, 3, 4] answers → state, reason
    [[0x16, 0x12, 0x12, 0x12], 'online', null],
    [[0x12, 0x12, 0x12, 0x1e], 'near_end', /Giấy sắp hết/],
    [[0x1a, 0x32, 0x12, 0x7e], 'paper_out', /Hết giấy/],
    [[0x12, 0x12, 0x12, 0x72], 'paper_out', /Hết giấy/], // paper sensor alone
    [[0x1a, 0x16, 0x12, 0x12], 'cover_open', /Nắp máy in đang mở/],
    [[0x1a, 0x52, 0x1a, 0x12], 'error', /dao cắt/],
    [[0x1a, 0x52, 0x32, 0x12], 'error', /không tự khắc phục/],
    [[0x1a, 0x52, 0x52, 0x12], 'error', /quá nóng/],
    [[0x1a, 0x52, 0x16, 0x12], 'error', /kẹt giấy/],
    [[0x1a, 0x52, 0x12, 0x12], 'error', /báo lỗi/], // DLE EOT 2 bit 6 without a cause
    [[0x1a, 0x1a, 0x12, 0x12], 'offline', /FEED/],
    [[0x3a, 0x12, 0x12, 0x12], 'offline', /ngoại tuyến/],
    [[0x16, 0x12], 'online', null], // a printer answering only some requests
    [[0x16, 0x32], 'paper_out', /Hết giấy/],
  ] as const)('%j → %s', (answers, state, reason) => {
    const d = decodeStatus(answers);
    expect(d.state).toBe(state);
    if (reason === null) expect(d.reason).toBeNull();
    else expect(d.reason).toMatch(reason);
  });

  it('cover open wins over paper end (the cover must be closed first), errors over near end', () => {
    expect(decodeStatus([0x1a, 0x36, 0x12, 0x7e]).state).toBe('cover_open');
    expect(decodeStatus([0x1a, 0x52, 0x1a, 0x1e]).state).toBe('error');
  });

  it('bytes that are not status answers are ignored', () => {
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x10)).toBe(false);
    expect(isStatusByte(0x93)).toBe(false);
    expect(decodeStatus([0xff, 0x04, 0x00, 0x6c]).state).toBe('online');
  });

  it('the fake printer answers as the decoder expects in every state', () => {
    for (const state of ['online', 'near_end', 'paper_out', 'cover_open', 'error', 'offline'] as const) {
      expect(decodeStatus([1, 2, 3, 4].map((n) => statusByte(n, state))).state).toBe(state);
    }
  });
});
