import { inflateSync } from 'node:zlib';

/** One image XObject of a PDF: its size and its pixels as luma (0 black … 255 white), row by row. */
export interface PdfImage {
  width: number;
  height: number;
  luma: Uint8Array;
}

/** Width and height in millimetres of each page of a PDF (from its MediaBox). */
export function pageSizesMm(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({
    width: ((Number(m[3]) - Number(m[1])) * 25.4) / 72,
    height: ((Number(m[4]) - Number(m[2])) * 25.4) / 72,
  }));
}

/**
 * The Flate-encoded image XObjects of a PDF as Chromium (Skia) writes them: 8 bits, 1 or 3 components (Device or
 * ICCBased colour), direct /Length, no predictor. Enough to check that a page carries exactly the image the hub rendered; not a general PDF reader.
 */
export function pdfImages(pdf: Buffer): PdfImage[] {
  const text = pdf.toString('latin1');
  const images: PdfImage[] = [];
  for (const m of text.matchAll(/<<((?:(?!>>\s*stream)[\s\S])*?\/Subtype\s*\/Image[\s\S]*?)>>\s*stream\r?\n/g)) {
    const dict = m[1] as string;
    const num = (key: string) => Number(new RegExp(`/${key}\\s+(\\d+)`).exec(dict)?.[1]);
    const width = num('Width');
    const height = num('Height');
    const length = num('Length');
    if (!/\/FlateDecode/.test(dict) || !width || !height || !length || /\/ImageMask\s+true/.test(dict)) continue;
    const start = (m.index as number) + m[0].length;
    const raw = inflateSync(pdf.subarray(start, start + length));
    // DeviceGray/DeviceRGB or an ICC profile of 1 or 3 components: the inflated size tells which.
    const channels = raw.length / (width * height);
    if (channels !== 1 && channels !== 3) continue;
    const luma = new Uint8Array(width * height);
    for (let i = 0; i < width * height; i++) {
      luma[i] = channels === 1 ? (raw[i] as number) : Math.round(0.299 * (raw[i * 3] as number) + 0.587 * (raw[i * 3 + 1] as number) + 0.114 * (raw[i * 3 + 2] as number));
    }
    images.push({ width, height, luma });
  }
  return images;
}
