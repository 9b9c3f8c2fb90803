/** The only place Socket.IO room names are built. */
export const rooms = {
  /** Every connected screen of the office: public queue events. */
  office: () => 'office',
  /** Signed-in staff consoles. */
  staff: () => 'staff',
  /** The console(s) of one counter. */
  counter: (counterId: number) => `counter:${counterId}`,
  /** One paired device (to disconnect it when revoked). */
  device: (deviceId: number) => `device:${deviceId}`,
} as const;
