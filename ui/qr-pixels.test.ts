import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { decodeQrPixels } from './qr-pixels';

/** RGBA pixels of `text` as a QR code, `scale` pixels a module, with a quiet zone: a camera frame at its best. */
function qrPixels(text: string, scale = 4): { data: Uint8ClampedArray; size: number } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const size = (modules + 8) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < modules; y++)
    for (let x = 0; x < modules; x++) {
      if (!qr.modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const i = (((y + 4) * scale + dy) * size + (x + 4) * scale + dx) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
    }
  return { data, size };
}

describe('decodeQrPixels (the bundled decoder, for browsers without BarcodeDetector)', () => {
  it('reads a synthetic ID card QR with its Vietnamese letters', () => {
    const payload = '001058012345|123456789|Nguyễn Văn Thử|15031958|Nam|Số 1 Phố Mẫu, Hà Nội|10052021';
    const { data, size } = qrPixels(payload);
    expect(decodeQrPixels(data, size, size)).toBe(payload);
  });

  it('answers null for a frame without a code', () => {
    expect(decodeQrPixels(new Uint8ClampedArray(64 * 64 * 4).fill(255), 64, 64)).toBeNull();
  });
});
