/** Options of an announcement queue. */
export interface AnnouncementQueueOptions<T> {
  /** Silence between two announcements, ms. */
  gapMs?: number;
  /** Checked just before an item plays: false drops it (e.g. the counter has called someone else since). */
  stillWanted?: (item: T) => boolean;
  /**
   * Items with the same key stand for each other (the calls of one counter): a new item takes the place of a waiting
   * one with its key, so only the newest is heard, at the older one's turn.
   */
  key?: (item: T) => string | number;
  /** Reports an item that failed to play (the queue goes on with the next one). */
  onError?: (error: unknown, item: T) => void;
}

/**
 * Plays announcements one at a time, in the order they were queued: an announcement never overlaps another,
 * however fast calls arrive, and during a burst only what is still true when its turn comes is played (`key`,
 * `stillWanted`). `play` resolves when the item has finished sounding.
 */
export function createAnnouncementQueue<T>(play: (item: T) => Promise<void>, options: AnnouncementQueueOptions<T> = {}) {
  const { gapMs = 700, stillWanted = () => true, key, onError = (error: unknown) => console.warn('announcement failed', error) } = options;
  const pending: T[] = [];
  let running = false;
  let idle: Promise<void> = Promise.resolve();

  async function pump(): Promise<void> {
    while (pending.length) {
      const item = pending.shift() as T;
      if (!stillWanted(item)) continue;
      try {
        await play(item);
      } catch (error) {
        onError(error, item);
      }
      if (pending.length && gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
    running = false;
  }

  return {
    /** Queues an item (in place of a waiting one with its key); starts playing at once when nothing else is. */
    enqueue(item: T): void {
      const k = key?.(item);
      const same = k === undefined ? -1 : pending.findIndex((p) => key?.(p) === k);
      if (same >= 0) pending[same] = item;
      else pending.push(item);
      if (running) return;
      running = true;
      idle = pump();
    },
    /** Drops everything not yet playing. */
    clear(): void {
      pending.length = 0;
    },
    /** Items waiting (not counting the one playing). */
    get size(): number {
      return pending.length;
    },
    /** True while an item plays or waits. */
    get busy(): boolean {
      return running;
    },
    /** Resolves when the queue has nothing left to play. */
    settled: (): Promise<void> => idle,
  };
}

/** An announcement queue. */
export type AnnouncementQueue<T> = ReturnType<typeof createAnnouncementQueue<T>>;
