import { ThermalPrinter, PrinterTypes } from 'node-thermal-printer';
import type { PrinterType } from '@shared/schemas/printer';
import { rowBytes, type Bitmap } from './bitmap';
import type { RenderedTicket } from './ticket-renderer';

/** Rows per raster command: well under the 1,000-row limit and small enough for a printer's receive buffer. */
export const BAND_ROWS = 256;

const STAR_BAND_ROWS = 240;

export { statusQuery } from './status';

/** A command builder of node-thermal-printer for the dialect, without a transport. */
export function commandBuilder(type: PrinterType): ThermalPrinter {
  return new ThermalPrinter({ type: type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON, interface: '' });
}

/** Rows [from, to) of a bitmap as a bitmap. */
function band(b: Bitmap, from: number, to: number): Bitmap {
  const stride = rowBytes(b.width);
  return { width: b.width, height: to - from, data: b.data.subarray(from * stride, to * stride) };
}

/**
 * Printers act on real-time commands (DLE EOT status, DLE ENQ, DLE DC4 pulse/power-off) even inside image data. A
 * byte 0x10 followed by 0x04, 0x05 or 0x14 loses one dot (0x10 → 0x00): invisible, and no spurious command runs.
 */
export function guardRealtime(data: Uint8Array): Buffer {
  const out = Buffer.from(data);
  for (let i = 0; i < out.length - 1; i++) {
    if (out[i] === 0x10 && (out[i + 1] === 0x04 || out[i + 1] === 0x05 || out[i + 1] === 0x14)) out[i] = 0x00;
  }
  return out;
}

/** ESC/POS `GS v 0` raster bit image of one band. */
function gsv0(b: Bitmap): Buffer {
  const x = rowBytes(b.width);
  return Buffer.concat([Buffer.from([0x1d, 0x76, 0x30, 0x00, x & 0xff, x >> 8, b.height & 0xff, b.height >> 8]), guardRealtime(b.data)]);
}

/** RGBA pixels of a band (for node-thermal-printer's Star image command). */
function rgba(b: Bitmap): Buffer {
  const out = Buffer.alloc(b.width * b.height * 4, 255);
  const stride = rowBytes(b.width);
  for (let y = 0; y < b.height; y++) {
    for (let xx = 0; xx < b.width; xx++) {
      if (((b.data[y * stride + (xx >> 3)] as number) & (0x80 >> (xx & 7))) !== 0) out.fill(0, (y * b.width + xx) * 4, (y * b.width + xx) * 4 + 3);
    }
  }
  return out;
}

/** Appends an image in bands of at most BAND_ROWS rows. */
function appendImage(p: ThermalPrinter, type: PrinterType, image: Bitmap): void {
  // Star prints images in 24-dot strips: a band of a multiple of 24 rows leaves no blank seam between bands.
  const rows = type === 'star' ? STAR_BAND_ROWS : BAND_ROWS;
  for (let from = 0; from < image.height; from += rows) {
    const part = band(image, from, Math.min(image.height, from + rows));
    if (type === 'star') {
      // Star line mode has no GS v 0: the library's Star image command (ESC k, 24-dot strips) does it.
      const printer = (p as unknown as { printer: { printImageBuffer(w: number, h: number, d: Buffer): Buffer } }).printer;
      p.append(printer.printImageBuffer(part.width, part.height, rgba(part)));
    } else p.append(gsv0(part));
  }
}

/** QR module size in dots for the printer's own QR command (and the raster QR): 8 on 80 mm, 6 on 58 mm. */
export const qrCellDots = (width: number): number => (width >= 576 ? 8 : 6);

/**
 * The bytes of one ticket, split before the cut (the sender confirms the printer has the body before cutting):
 * initialise, centre, the image above the QR code, the printer's own QR command (crisp at the head's resolution,
 * ~60 bytes instead of a ~9 KB raster), the image below it; then feed and cut.
 */
export function encodeTicketParts(type: PrinterType, ticket: RenderedTicket, paperDots: number): { body: Buffer; cut: Buffer } {
  // A 576-dot image on a 384-dot head is cut off on the right (or wraps): never send one.
  if (ticket.width !== paperDots) throw new Error(`ticket rendered at ${ticket.width} dots for a ${paperDots}-dot printer`);
  const p = commandBuilder(type);
  p.append(Buffer.from([0x1b, 0x40])); // ESC @: initialise (same in Star and Epson modes)
  p.alignCenter();
  appendImage(p, type, ticket.top);
  if (ticket.qr !== null) {
    p.printQR(ticket.qr, { cellSize: qrCellDots(ticket.width), correction: 'M', model: 2 });
    p.newLine();
  }
  appendImage(p, type, ticket.bottom);
  const cut = commandBuilder(type);
  cut.cut();
  return { body: p.getBuffer(), cut: cut.getBuffer() };
}

/** The bytes of one ticket in one piece (print-to-file tools, benches, tests). */
export function encodeTicket(type: PrinterType, ticket: RenderedTicket): Buffer {
  const { body, cut } = encodeTicketParts(type, ticket, ticket.width);
  return Buffer.concat([body, cut]);
}
