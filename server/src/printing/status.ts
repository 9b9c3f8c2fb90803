import type { PrinterState } from '@shared/schemas/printer';

/** The four real-time status requests, ESC/POS `DLE EOT n`: 1 printer, 2 offline cause, 3 error cause, 4 paper sensor. */
export const STATUS_QUERIES = [1, 2, 3, 4] as const;

/** `DLE EOT n` for each n given, in order: the printer answers one byte each, in the same order. */
export const statusQuery = (...ns: readonly (1 | 2 | 3 | 4)[]): Buffer => Buffer.concat(ns.map((n) => Buffer.from([0x10, 0x04, n])));

/** A status byte has bit 1 and bit 4 set, bits 0 and 7 clear (every n): anything else is not an answer. */
export const isStatusByte = (b: number): boolean => (b & 0x93) === 0x12;

/** What the hub believes about a printer from its answers: a state, and why in Vietnamese (null when online). */
export interface DecodedStatus {
  state: Exclude<PrinterState, 'unknown' | 'disabled' | 'unreachable'>;
  reason: string | null;
}

/** Vietnamese reasons, one per documented condition (Epson ESC/POS reference, DLE EOT). */
export const STATUS_REASONS = {
  coverOpen: 'Nắp máy in đang mở: hãy đóng nắp.',
  paperEnd: 'Hết giấy: hãy thay cuộn giấy mới.',
  nearEnd: 'Giấy sắp hết: hãy chuẩn bị cuộn giấy mới.',
  autocutter: 'Lỗi dao cắt giấy (kẹt giấy ở dao cắt): mở nắp, gỡ giấy kẹt rồi đóng nắp.',
  unrecoverable: 'Lỗi không tự khắc phục được: tắt máy in rồi bật lại; nếu vẫn lỗi, gọi bảo hành.',
  autoRecoverable: 'Lỗi tạm thời (đầu in quá nóng): máy in sẽ tự hoạt động lại sau ít phút.',
  recoverable: 'Lỗi cơ học (kẹt giấy): mở nắp, gỡ giấy kẹt rồi đóng nắp.',
  error: 'Máy in báo lỗi.',
  feeding: 'Đang kéo giấy bằng nút FEED.',
  offline: 'Máy in đang ngoại tuyến, chờ hồi phục.',
} as const;

/**
 * Decodes the answers to DLE EOT 1, 2, 3, 4 (in that order; missing answers are undefined). Precedence: what stops
 * printing first (cover, paper end, errors, offline), then the near-end warning (still printing), then online.
 */
export function decodeStatus(answers: readonly (number | undefined)[]): DecodedStatus {
  const [printer = 0x12, offline = 0x12, error = 0x12, paper = 0x12] = answers.map((a) => (a !== undefined && isStatusByte(a) ? a : undefined));
  if (offline & 0x04) return { state: 'cover_open', reason: STATUS_REASONS.coverOpen };
  if (offline & 0x20 || paper & 0x60) return { state: 'paper_out', reason: STATUS_REASONS.paperEnd };
  if (offline & 0x40 || error & 0x6c) {
    const reason = error & 0x08 ? STATUS_REASONS.autocutter : error & 0x20 ? STATUS_REASONS.unrecoverable : error & 0x40 ? STATUS_REASONS.autoRecoverable : error & 0x04 ? STATUS_REASONS.recoverable : STATUS_REASONS.error;
    return { state: 'error', reason };
  }
  if (printer & 0x08 || offline & 0x08) return { state: 'offline', reason: offline & 0x08 || printer & 0x40 ? STATUS_REASONS.feeding : STATUS_REASONS.offline };
  if (paper & 0x0c) return { state: 'near_end', reason: STATUS_REASONS.nearEnd };
  return { state: 'online', reason: null };
}

/** States in which a printer takes jobs (near end still prints). */
export const PRINTABLE: readonly PrinterState[] = ['online', 'near_end'];
