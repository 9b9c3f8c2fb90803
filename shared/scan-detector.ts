/**
 * Tells a USB/HID 2D scanner from a person at the keyboard. A scanner in keyboard mode "types" its payload a few
 * milliseconds per key and ends it with Enter; a person types one key every 80 ms or more. Pure: keys and their
 * times are fed in, the page decides what to do with each key from the answer.
 */

/** Timing rules of a scan. */
export interface ScanTiming {
  /** Longest pause between two keys of one scan (a scanner's USB polling jitter stays well under it). */
  maxGapMs: number;
  /** Longest average pause between the keys of a scan: a person typing never gets near it over a whole payload. */
  maxMeanGapMs: number;
  /** Fewest characters of a scan (the shortest code the office reads is longer). */
  minLength: number;
  /** Longest payload kept: past it the burst is dropped as not a scan. */
  maxLength: number;
}

/** Defaults measured against HID scanners' 2–10 ms per key and people's 80+ ms (see README, ID-card scanning). */
export const DEFAULT_SCAN_TIMING: ScanTiming = { maxGapMs: 60, maxMeanGapMs: 30, minLength: 8, maxLength: 1000 };

/**
 * What to do with one key: `pass` (let the page have it), `consume` (it belongs to a scan in progress: keep it from
 * buttons and shortcuts), or `scan` (Enter ended a scan: consume it and read `payload`).
 */
export type ScanStep = { kind: 'pass' } | { kind: 'consume' } | { kind: 'scan'; payload: string };

/** One keydown as the detector sees it (a subset of KeyboardEvent). */
export interface ScanKey {
  key: string;
  /** Milliseconds, any monotonic clock (KeyboardEvent.timeStamp). */
  at: number;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** Named keys (`Shift`, `Enter`, `F1`, `ArrowUp`, `Dead`…) against characters, which may be Vietnamese (`ễ`). */
const NAMED_KEY = /^[A-Z][A-Za-z0-9]+$/;
/** Stands in a payload for a character sent as an Alt code. */
export const UNREADABLE = '\uFFFD';
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Dead', 'Unidentified', 'Process']);

/** True when `key` is a typed character rather than a named key; a composed letter may be 2 code points (NFD). */
export function isCharacterKey(key: string): boolean {
  return key.length > 0 && [...key].length <= 3 && !NAMED_KEY.test(key);
}

/** A detector over one keyboard: feed it every keydown in order. */
export function createScanDetector(timing: ScanTiming = DEFAULT_SCAN_TIMING) {
  let chars: string[] = [];
  let first = 0;
  let last = -Infinity;
  /** Set when a burst was broken (a chord, an overlong payload): its remaining keys are no scan until a pause. */
  let broken = false;

  function restart(): void {
    chars = [];
    last = -Infinity;
  }

  function breakBurst(at: number): void {
    chars = [];
    broken = true;
    last = at;
  }

  /** The answer for one keydown. */
  function feed(k: ScanKey): ScanStep {
    // A shortcut chord (Ctrl/⌘) is a person's; Alt-code digits are not characters of their own.
    if (k.ctrlKey || k.metaKey) {
      breakBurst(k.at);
      return { kind: 'pass' };
    }
    if (MODIFIER_KEYS.has(k.key)) return chars.length > 1 ? { kind: 'consume' } : { kind: 'pass' };
    if (k.altKey) {
      // Alt-code output (Alt + numpad digits): the character is not in the keys, so the scan holds U+FFFD in its place
      // and the parser refuses it rather than read a name with letters missing.
      if (chars.length === 0) return { kind: 'pass' };
      if (chars.at(-1) !== UNREADABLE) chars.push(UNREADABLE);
      last = k.at;
      return { kind: 'consume' };
    }
    const gap = k.at - last;
    if (broken) {
      if (gap <= timing.maxGapMs && k.key !== 'Enter') {
        last = k.at;
        return { kind: 'pass' };
      }
      broken = false;
      if (k.key === 'Enter') {
        restart();
        return { kind: 'pass' };
      }
    }
    const inBurst = chars.length > 0 && gap <= timing.maxGapMs;
    if (k.key === 'Enter') {
      const n = chars.length;
      const mean = n > 1 ? (last - first) / (n - 1) : Infinity;
      const payload = chars.join('').normalize('NFC');
      restart();
      if (inBurst && n >= timing.minLength && mean <= timing.maxMeanGapMs) return { kind: 'scan', payload };
      return { kind: 'pass' };
    }
    if (!isCharacterKey(k.key)) {
      restart();
      return { kind: 'pass' };
    }
    if (!inBurst) {
      chars = [k.key];
      first = k.at;
      last = k.at;
      return { kind: 'pass' };
    }
    chars.push(k.key);
    last = k.at;
    if (chars.length > timing.maxLength) breakBurst(k.at);
    return { kind: 'consume' };
  }

  /** Forgets the burst in progress (focus moved into a text field). */
  function reset(): void {
    restart();
    broken = false;
  }

  return { feed, reset };
}
/** A scan detector. */
export type ScanDetector = ReturnType<typeof createScanDetector>;
