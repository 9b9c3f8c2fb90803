/**
 * Polls `check` every 10 ms until it holds, or fails after `ms`. Generous by default: the machine running the suite
 * may be busy, and a fast run stays fast.
 */
export async function until(check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
