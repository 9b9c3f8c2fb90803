import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { DeviceKind } from '@shared/access';
import { fail } from '../errors';
import type { AuditActor } from '../repositories/audit-repository';
import type { DeviceRow } from '../repositories/devices-repository';
import type { ServiceContext } from './context';

/** A pairing code is valid this long. */
export const PAIRING_TTL_MS = 10 * 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** The public view of a device. */
export function toDevice(d: DeviceRow) {
  return {
    id: d.id,
    name: d.name,
    kind: d.kind,
    pairedAt: new Date(d.paired_at).toISOString(),
    lastSeenAt: d.last_seen_at === null ? null : new Date(d.last_seen_at).toISOString(),
    revoked: d.revoked_at !== null,
    ...(d.kind === 'rating' ? { counterId: d.counter_id } : {}),
  };
}

/**
 * Device pairing: a kiosk/display/rating tablet asks for a short code, an admin enters it with a name, and the
 * device collects a long random token once (kept in an httpOnly cookie). Only the token's hash is stored.
 */
export function deviceService(ctx: ServiceContext) {
  const { repos, db } = ctx;

  function authenticate(token: string | undefined): DeviceRow | undefined {
    if (!token) return undefined;
    const device = repos.devices.byTokenHash(hashToken(token));
    if (!device) return undefined;
    const now = ctx.now();
    if (device.last_seen_at === null || now - device.last_seen_at > 60_000) repos.devices.markSeen(device.id, now);
    return device;
  }

  function requestPairing(kind: DeviceKind) {
    return db.transaction(() => {
      const now = ctx.now();
      repos.devices.purgeExpired(now);
      let code = '';
      do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      while (repos.devices.openPairingByCode(code, now));
      const id = randomBytes(24).toString('base64url');
      repos.devices.insertPairing({ id, code, kind, created_at: now, expires_at: now + PAIRING_TTL_MS });
      return { pairingId: id, code, kind, expiresAt: new Date(now + PAIRING_TTL_MS).toISOString() };
    })();
  }

  /** The asking device's view of its request; the token is handed over once, then cleared. */
  function collect(pairingId: string): { status: 'pending' | 'paired' | 'expired'; token?: string; device?: ReturnType<typeof toDevice> } {
    return db.transaction(() => {
      const p = repos.devices.pairing(pairingId);
      if (!p) return { status: 'expired' as const };
      if (p.device_id === null) return { status: p.expires_at > ctx.now() ? ('pending' as const) : ('expired' as const) };
      if (p.token === null) return { status: 'expired' as const };
      repos.devices.collectToken(p.id);
      const device = repos.devices.byId(p.device_id) as DeviceRow;
      return { status: 'paired' as const, token: p.token, device: toDevice(device) };
    })();
  }

  function approve(code: string, name: string, actor: AuditActor, counterId?: number) {
    return db.transaction(() => {
      const now = ctx.now();
      const p = repos.devices.openPairingByCode(code.replace(/\s/g, ''), now) ?? fail('PAIRING_CODE_INVALID');
      if (counterId !== undefined && !repos.catalog.counterById(counterId)) fail('COUNTER_NOT_FOUND');
      const token = randomBytes(32).toString('base64url');
      const id = repos.devices.insert({ name, kind: p.kind, token_hash: hashToken(token), paired_at: now, paired_by: actor.userId });
      if (p.kind === 'rating' && counterId !== undefined) repos.devices.setCounter(id, counterId);
      repos.devices.approvePairing(p.id, id, token);
      repos.audit.write(now, actor, { action: 'device.pair', targetType: 'device', targetId: id, details: { name, kind: p.kind } });
      return toDevice(repos.devices.byId(id) as DeviceRow);
    })();
  }

  /** Binds a rating tablet to the counter it stands at (null: unbound). */
  function bindCounter(id: number, counterId: number | null, actor: AuditActor) {
    return db.transaction(() => {
      const device = repos.devices.byId(id);
      if (!device || device.kind !== 'rating') fail('NOT_FOUND');
      if (counterId !== null && !repos.catalog.counterById(counterId)) fail('COUNTER_NOT_FOUND');
      repos.devices.setCounter(id, counterId);
      repos.audit.write(ctx.now(), actor, { action: 'device.bind_counter', targetType: 'device', targetId: id, details: { name: device.name, counterId } });
      return toDevice(repos.devices.byId(id) as DeviceRow);
    })();
  }

  function revoke(id: number, actor: AuditActor) {
    return db.transaction(() => {
      const device = repos.devices.byId(id) ?? fail('NOT_FOUND');
      const now = ctx.now();
      repos.devices.revoke(id, now);
      repos.audit.write(now, actor, { action: 'device.revoke', targetType: 'device', targetId: id, details: { name: device.name } });
      return toDevice(repos.devices.byId(id) as DeviceRow);
    })();
  }

  return { authenticate, requestPairing, collect, approve, bindCounter, revoke, list: () => repos.devices.list().map(toDevice) };
}

export type DeviceService = ReturnType<typeof deviceService>;
