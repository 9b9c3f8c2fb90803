import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';

/** A 1-bit image as a thermal head prints it: rows of `width / 8` bytes, most significant bit leftmost, 1 = black. */
export interface Bitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Bytes per row of a bitmap. */
export const rowBytes = (width: number): number => Math.ceil(width / 8);

/** Thresholds rows [top, bottom) of a canvas (white background) into a 1-bit bitmap of the canvas width. */
export function toBitmap(ctx: SKRSContext2D, top: number, bottom: number): Bitmap {
  const width = ctx.canvas.width;
  const height = Math.max(0, bottom - top);
  const stride = rowBytes(width);
  const data = new Uint8Array(stride * height);
  if (height === 0) return { width, height, data };
  const rgba = ctx.getImageData(0, top, width, height).data;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      // Luma against white: antialiased text edges darker than mid-grey become dots.
      const a = rgba[i + 3] as number;
      const luma = (0.299 * (rgba[i] as number) + 0.587 * (rgba[i + 1] as number) + 0.114 * (rgba[i + 2] as number)) * (a / 255) + 255 * (1 - a / 255);
      if (luma < 128) data[y * stride + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { width, height, data };
}

/** Stacks bitmaps of the same width vertically. */
export function stack(parts: readonly Bitmap[]): Bitmap {
  const width = parts[0]?.width ?? 0;
  const height = parts.reduce((h, p) => h + p.height, 0);
  const data = new Uint8Array(rowBytes(width) * height);
  let offset = 0;
  for (const p of parts) {
    data.set(p.data, offset);
    offset += p.data.length;
  }
  return { width, height, data };
}

/** Encodes a bitmap as a black-on-white PNG (print-to-file printers, previews). */
export function bitmapToPng(bitmap: Bitmap): Buffer {
  const canvas = createCanvas(bitmap.width, Math.max(1, bitmap.height));
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(bitmap.width, Math.max(1, bitmap.height));
  const stride = rowBytes(bitmap.width);
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      const black = ((bitmap.data[y * stride + (x >> 3)] as number) & (0x80 >> (x & 7))) !== 0;
      const i = (y * bitmap.width + x) * 4;
      const v = black ? 0 : 255;
      image.data[i] = v;
      image.data[i + 1] = v;
      image.data[i + 2] = v;
      image.data[i + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);
  return canvas.toBuffer('image/png');
}
