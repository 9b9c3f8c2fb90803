import { PNG } from 'pngjs';

/** One decoded ESC/POS command. */
export type Command =
  | { op: 'init' }
  | { op: 'align'; n: number }
  | { op: 'raster'; width: number; height: number; data: Buffer }
  | { op: 'qr-model' | 'qr-size' | 'qr-ecc'; n: number }
  | { op: 'qr-store'; text: string }
  | { op: 'qr-print' }
  | { op: 'feed'; lines: number }
  | { op: 'cut'; partial: boolean }
  | { op: 'status'; n: number }
  | { op: 'text'; text: string };

/** Result of decoding: the commands, and how many bytes at the end were an incomplete command. */
export interface Decoded {
  commands: Command[];
  rest: number;
}

const u16 = (b: Buffer, i: number) => (b[i] as number) | ((b[i + 1] as number) << 8);

/**
 * Decodes the subset of ESC/POS a ticket uses. Unknown bytes throw: the printer would print garbage for them too.
 * A command cut off by the end of the buffer is left as `rest` (a stream still arriving).
 */
export function decode(b: Buffer): Decoded {
  const commands: Command[] = [];
  let i = 0;
  let text = '';
  const flush = () => {
    if (text) commands.push({ op: 'text', text });
    text = '';
  };
  while (i < b.length) {
    const c = b[i] as number;
    const need = (n: number) => i + n <= b.length;
    if (c === 0x1b) {
      if (!need(2)) break;
      const f = b[i + 1] as number;
      const simple: Record<number, (n: number) => Command> = { 0x40: () => ({ op: 'init' }), 0x61: (n) => ({ op: 'align', n }), 0x64: (n) => ({ op: 'feed', lines: n }) };
      const make = simple[f];
      const size = f === 0x40 ? 2 : 3;
      if (make && !need(size)) break;
      if (make) {
        flush();
        commands.push(make(b[i + 2] as number));
        i += size;
        continue;
      }
      throw new Error(`unknown ESC 0x${f.toString(16)} at ${i}`);
    } else if (c === 0x1d) {
      if (!need(2)) break;
      const f = b[i + 1] as number;
      if (f === 0x76) {
        if (!need(8)) break;
        const x = u16(b, i + 4);
        const y = u16(b, i + 6);
        if (!need(8 + x * y)) break;
        flush();
        commands.push({ op: 'raster', width: x * 8, height: y, data: b.subarray(i + 8, i + 8 + x * y) });
        i += 8 + x * y;
      } else if (f === 0x28) {
        if (!need(5)) break;
        const len = u16(b, i + 3);
        if (!need(5 + len)) break;
        const fn = b[i + 6] as number;
        const body = b.subarray(i + 5, i + 5 + len);
        flush();
        if (fn === 0x41) commands.push({ op: 'qr-model', n: body[2] as number });
        else if (fn === 0x43) commands.push({ op: 'qr-size', n: body[2] as number });
        else if (fn === 0x45) commands.push({ op: 'qr-ecc', n: body[2] as number });
        else if (fn === 0x50) commands.push({ op: 'qr-store', text: body.subarray(3).toString('latin1') });
        else if (fn === 0x51) commands.push({ op: 'qr-print' });
        else throw new Error(`unknown GS ( k function 0x${fn.toString(16)}`);
        i += 5 + len;
      } else if (f === 0x56) {
        if (!need(3)) break;
        flush();
        commands.push({ op: 'cut', partial: b[i + 2] === 1 });
        i += 3;
      } else throw new Error(`unknown GS 0x${f.toString(16)} at ${i}`);
    } else if (c === 0x10) {
      if (!need(3)) break;
      if (b[i + 1] !== 0x04) throw new Error(`unknown DLE 0x${(b[i + 1] as number).toString(16)} at ${i}`);
      flush();
      commands.push({ op: 'status', n: b[i + 2] as number });
      i += 3;
    } else if (c === 0x0a || (c >= 0x20 && c < 0x7f)) {
      text += String.fromCharCode(c);
      i += 1;
    } else throw new Error(`unexpected byte 0x${c.toString(16)} at ${i}`);
  }
  flush();
  return { commands, rest: b.length - i };
}

/** Stacks the raster commands into one black-on-white PNG (what the head would burn, minus the printer's QR). */
export function rasterToPng(commands: readonly Command[]): { png: Buffer; width: number; height: number } {
  const bands = commands.filter((c): c is Extract<Command, { op: 'raster' }> => c.op === 'raster');
  const width = bands[0]?.width ?? 8;
  const height = bands.reduce((h, c) => h + c.height, 0);
  const png = new PNG({ width, height: Math.max(1, height) });
  png.data.fill(255);
  let y0 = 0;
  for (const band of bands) {
    const stride = band.width / 8;
    for (let y = 0; y < band.height; y++) {
      for (let x = 0; x < band.width; x++) {
        if (((band.data[y * stride + (x >> 3)] as number) & (0x80 >> (x & 7))) === 0) continue;
        const i = ((y0 + y) * width + x) * 4;
        png.data[i] = png.data[i + 1] = png.data[i + 2] = 0;
      }
    }
    y0 += band.height;
  }
  return { png: PNG.sync.write(png), width, height };
}
