import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '@shared/events';

/** The typed Socket.IO server of the hub. */
export type HubServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Sends pushes to rooms. The only code that calls `io.to(...).emit`; called only after a commit. */
export interface Realtime {
  emit<E extends keyof ServerToClientEvents>(room: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
  /** Disconnects every socket in `room` (but those also in `except`) at once: a session or device whose access ended. */
  disconnect(room: string, except?: string): void;
  /** Sends to the members of `room` that are not in `except` (the public form of a push that staff get in full). */
  emitExcept<E extends keyof ServerToClientEvents>(room: string, except: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
}

/** A Realtime over a Socket.IO server (or a no-op before the server exists). */
export function createRealtime(getIo: () => HubServer | undefined): Realtime {
  return {
    emit(room, event, ...args) {
      getIo()?.to(room).emit(event, ...args);
    },
    disconnect(room, except) {
      const io = getIo();
      if (!io) return;
      (except === undefined ? io.in(room) : io.in(room).except(except)).disconnectSockets(true);
    },
    emitExcept(room, except, event, ...args) {
      getIo()?.to(room).except(except).emit(event, ...args);
    },
  };
}
