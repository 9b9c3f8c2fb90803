import { onBeforeUnmount, onMounted } from 'vue';
import { createScanDetector, DEFAULT_SCAN_TIMING, type ScanTiming } from '@shared/scan-detector';
import { isTypingTarget } from '../typing-target';

/**
 * Listens for a USB/HID 2D scanner anywhere on the page while no text field is focused (a field keeps what is typed
 * into it). Runs in the capture phase, before buttons and the console's shortcuts: every key of a scan after its first
 * is kept from the page (and its keyup too), so a scanned letter never presses a shortcut and the final Enter never
 * presses a focused button. `onScan` gets the payload (NFC).
 */
export function createScannerListener(onScan: (payload: string) => void, enabled: () => boolean = () => true, timing: ScanTiming = DEFAULT_SCAN_TIMING) {
  const detector = createScanDetector(timing);
  const swallowed = new Set<string>();

  function keydown(event: KeyboardEvent): void {
    if (!enabled() || isTypingTarget(event.target)) {
      detector.reset();
      return;
    }
    const step = detector.feed({ key: event.key, at: event.timeStamp, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey });
    if (step.kind === 'pass') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    swallowed.add(event.code);
    if (step.kind === 'scan') onScan(step.payload);
  }

  function keyup(event: KeyboardEvent): void {
    if (!swallowed.delete(event.code)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  return { keydown, keyup };
}

/** Page-wide scanner recognition while the calling component is mounted. */
export function useScanner(onScan: (payload: string) => void, enabled?: () => boolean): void {
  const listener = createScannerListener(onScan, enabled);
  onMounted(() => {
    window.addEventListener('keydown', listener.keydown, true);
    window.addEventListener('keyup', listener.keyup, true);
  });
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', listener.keydown, true);
    window.removeEventListener('keyup', listener.keyup, true);
  });
}
