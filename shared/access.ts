/**
 * Who may call a route or open a socket. Devices (kiosk, display, rating tablet) are paired once by an admin;
 * staff sign in. A supervisor may do what staff may, an admin what a supervisor may.
 */
export const AccessRole = {
  ANONYMOUS: 'anonymous',
  KIOSK: 'kiosk',
  DISPLAY: 'display',
  RATING: 'rating',
  STAFF: 'staff',
  SUPERVISOR: 'supervisor',
  ADMIN: 'admin',
} as const;
/** One access role. */
export type AccessRole = (typeof AccessRole)[keyof typeof AccessRole];

/** Every access role, least to most powerful within its kind. */
export const ACCESS_ROLES: readonly AccessRole[] = Object.values(AccessRole);

/** Kinds of paired device. */
export const DEVICE_KINDS = ['kiosk', 'display', 'rating'] as const;
/** A paired device's kind. */
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Staff roles and the roles each one includes. */
export const STAFF_ROLE_INCLUDES: Record<'staff' | 'supervisor' | 'admin', readonly AccessRole[]> = {
  staff: ['staff'],
  supervisor: ['staff', 'supervisor'],
  admin: ['staff', 'supervisor', 'admin'],
};

/** Allow-lists used by routes and socket events. */
export const Allow = {
  everyone: ACCESS_ROLES,
  /** Ticket issuing: kiosks, and staff issuing for a walk-in. */
  kiosk: ['kiosk', 'staff'],
  /** What a citizen's own scan opens on a kiosk: kiosks only; a route listing personal data also requires a paired device (open LAN mode too). */
  kioskDevice: ['kiosk'],
  /**
   * Citizens' own actions (rating a visit): anyone without a staff session — every caller holds `anonymous`, so the
   * route itself refuses a request carrying a staff session.
   */
  citizen: ['anonymous', 'kiosk', 'display', 'rating'],
  staff: ['staff'],
  supervisor: ['supervisor'],
  admin: ['admin'],
} as const satisfies Record<string, readonly AccessRole[]>;
