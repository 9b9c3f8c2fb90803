declare global {
  interface Window {
    /** Print pages this kiosk sent to its printer (tests and troubleshooting). */
    __motcuaPrintPages?: string[];
  }
}

/**
 * Prints a page of the hub silently: loaded in a hidden frame, then `print()`. Chromium started with
 * `--kiosk-printing` sends it to the OS default printer without a dialog (README, Ticket printing). The frame is
 * removed once printing is over.
 */
export function printPage(url: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;left:-9999px;visibility:hidden';
  frame.addEventListener('load', () => {
    const win = frame.contentWindow;
    if (!win) return;
    (window.__motcuaPrintPages ??= []).push(url);
    win.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 1000));
    win.print();
  });
  frame.src = url;
  document.body.append(frame);
}
