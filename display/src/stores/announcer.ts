import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { buildAnnouncement } from '@shared/announcement';
import type { CallRecord } from '@shared/schemas/ticket';
import { useQueueStore } from '@ui/stores/queue';
import { createAnnouncementQueue } from '../composables/announcement-queue';
import { CHIME, createVoicePlayer, PAUSE } from '../composables/voice-player';
import { useBoardStore } from './board';
import { useDisplayConfigStore } from './display-config';

/** One call to announce, with the sequence played for it. */
export interface AnnouncementItem {
  call: CallRecord;
  text: string;
  /** CHIME, then the clips N times with a PAUSE between (only CHIME when the voice is off). */
  sequence: string[];
  volume: number;
}

/** What the player needs (the Web Audio player in the browser; a fake in tests). */
export interface AnnouncementPlayer {
  play(sequence: readonly string[], volume: number): Promise<void>;
}

/** Entries kept on `window.__motcuaAnnouncements` (what was played, for tests and troubleshooting). */
const LOG_KEPT = 50;

declare global {
  interface Window {
    /** The announcements this display has played, oldest first (the clip sequences, not the sound). */
    __motcuaAnnouncements?: Array<{ ticketId: number; number: string; counterNumber: number; recall: boolean; text: string; sequence: string[]; playedAt: number }>;
  }
}

const newest = (calls: readonly CallRecord[]): string => calls.reduce((max, c) => (c.calledAt > max ? c.calledAt : max), '');

/**
 * Turns calls into announcements, in order and never overlapping. Live pushes are announced as they come (a
 * recall too). After a reconnect the snapshot is compared with the last call heard: only calls that are newer
 * AND still current at their counter are announced, one per counter — a TV that was offline for ten calls does
 * not read out ten stale numbers. Opening the page announces nothing already called.
 */
export const useAnnouncerStore = defineStore('announcer', () => {
  const queue = useQueueStore();
  const board = useBoardStore();
  const display = useDisplayConfigStore();
  /** `calledAt` of the newest call heard or queued. */
  const lastHeard = ref('');
  /** Bumped once per call announced: the latest-call panel flashes once. */
  const flashKey = ref(0);
  /** The Web Audio player (its audio context is created on first use). */
  const voice = createVoicePlayer();
  let player: AnnouncementPlayer = voice;
  let primed = false;

  function isCurrent(call: CallRecord): boolean {
    const current = queue.counterById.get(call.counterId)?.currentTicket;
    return current?.id === call.ticketId && current.status === 'called';
  }

  const announcements = createAnnouncementQueue<AnnouncementItem>(
    async (item) => {
      if (typeof window !== 'undefined') {
        const log = (window.__motcuaAnnouncements ??= []);
        log.push({ ticketId: item.call.ticketId, number: item.call.number, counterNumber: item.call.counterNumber, recall: item.call.recall, text: item.text, sequence: item.sequence, playedAt: Date.now() });
        log.splice(0, Math.max(0, log.length - LOG_KEPT));
      }
      await player.play(item.sequence, item.volume);
    },
    {
      // Only what is still true when its turn comes: the ticket is still the one called at that counter (not
      // finished, started, moved or replaced by another call since).
      stillWanted: (item) => isCurrent(item.call),
      // A newer call at a counter replaces its older one still waiting: a recall pressed twice, or pressed before
      // the call itself was read out, is heard once.
      key: (item) => item.call.counterId,
    },
  );

  function itemFor(call: CallRecord): AnnouncementItem {
    const cfg = display.config;
    const a = buildAnnouncement(
      { number: call.number, counterNumber: call.counterNumber, counterName: call.counterName },
      { template: cfg.template, numberReading: cfg.numberReading, zeroTens: cfg.zeroTens, english: cfg.english },
    );
    const sequence = [CHIME];
    if (cfg.voice) for (let i = 0; i < cfg.announceTimes; i++) sequence.push(...(i ? [PAUSE] : []), ...a.clips);
    return { call, text: a.text, sequence, volume: cfg.volume };
  }

  /**
   * Announces the calls this TV shows, oldest first. A live push is always new (a recall's push carries the
   * ticket's first call time); calls from a snapshot only when newer than the last one heard.
   */
  function announce(calls: readonly CallRecord[], live: boolean): void {
    for (const call of [...calls].sort((a, b) => (a.calledAt < b.calledAt ? -1 : 1))) {
      if (!live && call.calledAt <= lastHeard.value) continue;
      if (call.calledAt > lastHeard.value) lastHeard.value = call.calledAt;
      if (!board.showsCall(call)) continue;
      flashKey.value += 1;
      announcements.enqueue(itemFor(call));
    }
  }

  /** After a reconnect: the newest still-current call of each counter missed while offline, nothing older. */
  function resync(): void {
    const missed = new Map<number, CallRecord>();
    for (const call of queue.recentCalls) {
      if (call.calledAt <= lastHeard.value || !isCurrent(call)) continue;
      const seen = missed.get(call.counterId);
      if (!seen || call.calledAt > seen.calledAt) missed.set(call.counterId, call);
    }
    const skipTo = newest(queue.recentCalls);
    announce([...missed.values()], false);
    if (skipTo > lastHeard.value) lastHeard.value = skipTo;
  }

  // Pushes: the queue store adds the call, then bumps callSeq (sync: each push is seen on its own).
  watch(
    () => queue.callSeq,
    (seq, prev) => {
      if (seq > prev) announce(queue.recentCalls.slice(0, seq - prev), true);
    },
    { flush: 'sync' },
  );
  // The queue store sets `connected` right after a fresh snapshot is applied.
  watch(
    () => queue.connected,
    (connected) => {
      if (!connected) return;
      if (primed) return resync();
      primed = true;
      const skipTo = newest(queue.recentCalls);
      if (skipTo > lastHeard.value) lastHeard.value = skipTo;
    },
    { flush: 'sync' },
  );

  /** Replaces the player (tests). */
  function usePlayer(p: AnnouncementPlayer): void {
    player = p;
  }

  return { lastHeard, flashKey, announcements, usePlayer, itemFor, soundBlocked: voice.blocked, unlock: voice.unlock };
});
