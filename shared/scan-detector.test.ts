import { describe, expect, it } from 'vitest';
import { parseIdCardQr } from './id-card';
import { createScanDetector, isCharacterKey, UNREADABLE, type ScanKey, type ScanStep } from './scan-detector';

// Synthetic payload (invented person), as a scanner sends it: characters then Enter.
const PAYLOAD = '001058012345|123456789|Nguyễn Văn Thử|15031958|Nam|Số 1 Phố Mẫu|10052021';

/** Keydowns of `text` then Enter, `gaps(i)` ms apart, starting at `start`. */
function keys(text: string, gaps: (i: number) => number, start = 1000, extra: Partial<ScanKey>[] = []): ScanKey[] {
  let at = start;
  const out: ScanKey[] = [...text].map((key, i) => ({ key, at: (at += i === 0 ? 0 : gaps(i)), ...(extra[i] ?? {}) }));
  out.push({ key: 'Enter', at: at + gaps(text.length) });
  return out;
}

function run(list: ScanKey[]): ScanStep[] {
  const d = createScanDetector();
  return list.map((k) => d.feed(k));
}

describe('createScanDetector', () => {
  it('reads a scanner burst (4 ms a key) ending with Enter, consuming every key after the first', () => {
    const steps = run(keys(PAYLOAD, () => 4));
    expect(steps.at(-1)).toEqual({ kind: 'scan', payload: PAYLOAD });
    expect(steps[0]).toEqual({ kind: 'pass' });
    expect(steps.slice(1, -1).every((s) => s.kind === 'consume')).toBe(true);
  });

  it('tolerates a scanner jittering between 1 and 40 ms', () => {
    const jitter = [1, 3, 40, 2, 8, 12, 35, 4];
    expect(run(keys(PAYLOAD, (i) => jitter[i % jitter.length]!)).at(-1)).toEqual({ kind: 'scan', payload: PAYLOAD });
  });

  it('does not take a person typing (90–200 ms a key) for a scanner', () => {
    const steps = run(keys('001058012345', (i) => 90 + ((i * 37) % 110)));
    expect(steps.every((s) => s.kind === 'pass')).toBe(true);
  });

  it('does not take a fast typist with a few rolled-over keys for a scanner', () => {
    // Mostly 110 ms, some 20 ms roll-overs: the mean stays far above a scanner's.
    const steps = run(keys('nguyen van thu', (i) => (i % 3 === 0 ? 20 : 110)));
    expect(steps.at(-1)).toEqual({ kind: 'pass' });
  });

  it('refuses a burst with one long pause (a person pressing Enter after a fast pair of keys)', () => {
    const steps = run(keys('0010580123', (i) => (i === 10 ? 400 : 5)));
    expect(steps.at(-1)).toEqual({ kind: 'pass' });
  });

  it('refuses a burst shorter than the shortest code', () => {
    expect(run(keys('GL', () => 5)).at(-1)).toEqual({ kind: 'pass' });
  });

  it('starts afresh after a pause: a key pressed earlier is not part of the scan', () => {
    const d = createScanDetector();
    expect(d.feed({ key: 'G', at: 0 })).toEqual({ kind: 'pass' });
    const steps = keys(PAYLOAD, () => 5, 2000).map((k) => d.feed(k));
    expect(steps.at(-1)).toEqual({ kind: 'scan', payload: PAYLOAD });
  });

  it('ignores Shift between characters and joins decomposed Vietnamese into NFC', () => {
    const d = createScanDetector();
    const nfd = '001058012345||Nguyễn'.normalize('NFD');
    let at = 0;
    const steps: ScanStep[] = [];
    for (const ch of [...'001058012345||N']) steps.push(d.feed({ key: ch, at: (at += 3) }));
    steps.push(d.feed({ key: 'Shift', at: (at += 1) }));
    // The rest arrives as separate base letters and combining marks, as some scanners send them.
    for (const ch of [...nfd.slice('001058012345||N'.length)]) steps.push(d.feed({ key: ch, at: (at += 3) }));
    steps.push(d.feed({ key: 'Enter', at: (at += 3) }));
    expect(steps.at(-1)).toEqual({ kind: 'scan', payload: '001058012345||Nguyễn' });
  });

  it('marks Alt-code characters unreadable, so the card is refused rather than read with letters missing', () => {
    const d = createScanDetector();
    let at = 0;
    const steps: ScanStep[] = [];
    for (const ch of [...'001058012345||Nguy']) steps.push(d.feed({ key: ch, at: (at += 3) }));
    steps.push(d.feed({ key: 'Alt', at: (at += 3), altKey: true }));
    for (const ch of ['7', '8', '7', '1']) steps.push(d.feed({ key: ch, at: (at += 3), altKey: true }));
    for (const ch of [...'n Van']) steps.push(d.feed({ key: ch, at: (at += 3) }));
    steps.push(d.feed({ key: 'Enter', at: (at += 3) }));
    expect(steps.at(-1)).toEqual({ kind: 'scan', payload: `001058012345||Nguy${UNREADABLE}n Van` });
    const last = steps.at(-1);
    expect(last?.kind === 'scan' && parseIdCardQr(last.payload)).toEqual({ ok: false, reason: 'NO_NAME' });
  });

  it('accepts composed characters sent as one key value', () => {
    const steps = run(keys('001058012345||Trần Thị Mẫu', () => 6));
    expect(steps.at(-1)).toEqual({ kind: 'scan', payload: '001058012345||Trần Thị Mẫu' });
  });

  it('drops the burst when Ctrl or ⌘ is held (a person’s shortcut)', () => {
    const list = keys('0010580123456', () => 5, 0, [{}, {}, {}, { ctrlKey: true }]);
    expect(run(list).at(-1)).toEqual({ kind: 'pass' });
  });

  it('drops a burst longer than the longest payload', () => {
    expect(run(keys('1'.repeat(1100), () => 2)).at(-1)).toEqual({ kind: 'pass' });
  });

  it('tells characters from named keys', () => {
    expect(['a', '1', '|', ' ', 'ễ', 'ễ'.normalize('NFD')].every(isCharacterKey)).toBe(true);
    expect(['Enter', 'Shift', 'F1', 'ArrowUp', 'Tab', ''].some(isCharacterKey)).toBe(false);
  });
});
