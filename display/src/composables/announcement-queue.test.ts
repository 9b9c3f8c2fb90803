import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnnouncementQueue } from './announcement-queue';

/** A fake player: each item sounds for `ms` and logs when it starts and ends (fake time). */
function fakePlayer(ms: number) {
  const log: string[] = [];
  const play = (item: string) =>
    new Promise<void>((resolve) => {
      log.push(`start ${item} @${Date.now()}`);
      setTimeout(() => {
        log.push(`end ${item} @${Date.now()}`);
        resolve();
      }, ms);
    });
  return { log, play };
}

describe('announcement queue', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('plays items one at a time in arrival order, never overlapping, with a gap between', async () => {
    const { log, play } = fakePlayer(5000);
    const queue = createAnnouncementQueue(play, { gapMs: 700 });
    queue.enqueue('A001');
    queue.enqueue('B002');
    await vi.advanceTimersByTimeAsync(1000);
    queue.enqueue('A001-recall');
    expect(queue.size).toBe(2);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(log).toEqual([
      'start A001 @0',
      'end A001 @5000',
      'start B002 @5700',
      'end B002 @10700',
      'start A001-recall @11400',
      'end A001-recall @16400',
    ]);
    expect(queue.busy).toBe(false);
  });

  it('starts at once when idle again, and goes on after a failing item', async () => {
    const onError = vi.fn();
    let fail = true;
    const played: string[] = [];
    const queue = createAnnouncementQueue(
      async (item: string) => {
        if (fail) {
          fail = false;
          throw new Error('no audio');
        }
        played.push(`${item}@${Date.now()}`);
      },
      { gapMs: 500, onError },
    );
    queue.enqueue('x');
    queue.enqueue('y');
    await vi.advanceTimersByTimeAsync(10_000);
    queue.enqueue('z');
    await queue.settled();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(played).toEqual(['y@500', 'z@10000']);
  });

  it('drops items no longer wanted when their turn comes', async () => {
    const { log, play } = fakePlayer(1000);
    const stale = new Set<string>();
    const queue = createAnnouncementQueue(play, { gapMs: 0, stillWanted: (i) => !stale.has(i) });
    queue.enqueue('A001');
    queue.enqueue('A002');
    queue.enqueue('A003');
    stale.add('A002');
    await vi.advanceTimersByTimeAsync(5000);
    expect(log.filter((l) => l.startsWith('start'))).toEqual(['start A001 @0', 'start A003 @1000']);
  });
});
