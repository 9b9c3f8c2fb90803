import { createInflateRaw } from 'node:zlib';
import { fail } from '../errors';

/** Largest total unpacked size of an uploaded workbook: a real catalog unpacks to a few MB; a zip bomb to gigabytes. */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
/** Largest number of entries in an uploaded workbook (a catalog export holds about 15). */
const MAX_ENTRIES = 2000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  method: number;
  compressed: number;
  declared: number;
  data: number;
}

/** The entries of a zip archive from its central directory; null when it is not a readable (non-zip64) archive. */
function entriesOf(zip: Buffer): Entry[] | null {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i -= 1) {
    if (zip.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (count > MAX_ENTRIES) fail('PAYLOAD_TOO_LARGE', { entries: count });
  const entries: Entry[] = [];
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return null;
    const local = zip.readUInt32LE(at + 42);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) return null;
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const compressed = zip.readUInt32LE(at + 20);
    if (data + compressed > zip.length) return null;
    entries.push({ method: zip.readUInt16LE(at + 10), compressed, declared: zip.readUInt32LE(at + 24), data });
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** Inflates one deflated entry, counting bytes and keeping none; stops as soon as more than `budget` came out; -1 when corrupt. */
function inflatedSize(raw: Buffer, budget: number): Promise<number> {
  return new Promise((resolve) => {
    let size = 0;
    const inflater = createInflateRaw();
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        inflater.destroy();
        resolve(size);
      }
    });
    inflater.on('end', () => resolve(size));
    inflater.on('error', () => resolve(-1));
    inflater.end(raw);
  });
}

/**
 * Refuses (413) a workbook whose entries would unpack to more than MAX_UNPACKED_BYTES, before any parser unpacks it:
 * the declared sizes are summed, then each entry is really inflated (output counted, not kept), since a header can lie.
 * Returns false when the body is not a zip archive at all (the caller says "not an .xlsx").
 */
export async function checkUnpackedSize(zip: Buffer, max = MAX_UNPACKED_BYTES): Promise<boolean> {
  const entries = entriesOf(zip);
  if (!entries) return false;
  const declared = entries.reduce((n, e) => n + e.declared, 0);
  if (declared > max) fail('PAYLOAD_TOO_LARGE', { unpackedBytes: declared, max });
  let total = 0;
  for (const e of entries) {
    const raw = zip.subarray(e.data, e.data + e.compressed);
    if (e.method === 0) total += raw.length;
    else if (e.method === 8) {
      const size = await inflatedSize(raw, max - total);
      if (size < 0) return false;
      total += size;
    } else return false;
    if (total > max) fail('PAYLOAD_TOO_LARGE', { unpackedBytes: `> ${max}`, max });
  }
  return true;
}
