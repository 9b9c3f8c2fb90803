/** The only place Socket.IO room names are built. */
export const rooms = {
  /** Every connected screen of the office: public queue events. */
  office: () => 'office',
  /** Signed-in staff consoles. */
  staff: () => 'staff',
  /** Supervisors' live monitors (joined on `monitor:watch`, supervisor or admin only). */
  supervisor: () => 'supervisor',
  /** The console(s) of one counter. */
  counter: (counterId: number) => `counter:${counterId}`,
  /** The phones following one ticket, by its unguessable tracking id (trackers join only this room). */
  ticket: (trackingId: string) => `ticket:${trackingId}`,
  /** The rating tablet(s) standing at one counter. */
  rating: (counterId: number) => `rating:${counterId}`,
  /** One paired device (to disconnect it when revoked). */
  device: (deviceId: number) => `device:${deviceId}`,
  /** Every staff socket of one account (to disconnect them when the account is signed out, reset, deactivated or changes role). */
  user: (userId: number) => `user:${userId}`,
  /** The staff sockets opened with one session (to disconnect them when that session signs out). */
  session: (sessionId: string) => `session:${sessionId}`,
} as const;
