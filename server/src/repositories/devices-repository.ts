import type { DeviceKind } from '@shared/access';
import type { Db } from '../db';

/** A devices row. */
export interface DeviceRow {
  id: number;
  name: string;
  kind: DeviceKind;
  token_hash: string;
  paired_at: number;
  paired_by: number | null;
  last_seen_at: number | null;
  revoked_at: number | null;
  /** Rating tablets: the counter it stands at. */
  counter_id: number | null;
}

/** A pairing_requests row. */
export interface PairingRow {
  id: string;
  code: string;
  kind: DeviceKind;
  created_at: number;
  expires_at: number;
  device_id: number | null;
  token: string | null;
}

/** SQL for paired devices and pairing requests. */
export function devicesRepository(db: Db) {
  const s = {
    byToken: db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE token_hash = ? AND revoked_at IS NULL'),
    byId: db.prepare<[number], DeviceRow>('SELECT * FROM devices WHERE id = ?'),
    list: db.prepare<[], DeviceRow>('SELECT * FROM devices ORDER BY revoked_at IS NOT NULL, kind, name'),
    insert: db.prepare(
      'INSERT INTO devices (name, kind, token_hash, paired_at, paired_by) VALUES (@name, @kind, @token_hash, @paired_at, @paired_by)',
    ),
    seen: db.prepare<[number, number]>('UPDATE devices SET last_seen_at = ? WHERE id = ?'),
    setCounter: db.prepare<[number | null, number]>('UPDATE devices SET counter_id = ? WHERE id = ?'),
    revoke: db.prepare<[number, number]>('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    pairing: db.prepare<[string], PairingRow>('SELECT * FROM pairing_requests WHERE id = ?'),
    openByCode: db.prepare<[string, number], PairingRow>(
      'SELECT * FROM pairing_requests WHERE code = ? AND device_id IS NULL AND expires_at > ?',
    ),
    insertPairing: db.prepare(
      'INSERT INTO pairing_requests (id, code, kind, created_at, expires_at) VALUES (@id, @code, @kind, @created_at, @expires_at)',
    ),
    approve: db.prepare<[number, string, string]>('UPDATE pairing_requests SET device_id = ?, token = ? WHERE id = ?'),
    collect: db.prepare<[string]>('UPDATE pairing_requests SET token = NULL WHERE id = ?'),
    purge: db.prepare<[number]>('DELETE FROM pairing_requests WHERE expires_at < ? AND (device_id IS NULL OR token IS NULL)'),
  };
  return {
    byTokenHash: (hash: string): DeviceRow | undefined => s.byToken.get(hash),
    byId: (id: number): DeviceRow | undefined => s.byId.get(id),
    list: (): DeviceRow[] => s.list.all(),
    insert: (row: Omit<DeviceRow, 'id' | 'last_seen_at' | 'revoked_at' | 'counter_id'>): number => Number(s.insert.run(row).lastInsertRowid),
    setCounter: (id: number, counterId: number | null): void => {
      s.setCounter.run(counterId, id);
    },
    markSeen: (id: number, at: number): void => {
      s.seen.run(at, id);
    },
    revoke: (id: number, at: number): boolean => s.revoke.run(at, id).changes === 1,
    pairing: (id: string): PairingRow | undefined => s.pairing.get(id),
    openPairingByCode: (code: string, now: number): PairingRow | undefined => s.openByCode.get(code, now),
    insertPairing: (row: Omit<PairingRow, 'device_id' | 'token'>): void => {
      s.insertPairing.run(row);
    },
    approvePairing: (id: string, deviceId: number, token: string): void => {
      s.approve.run(deviceId, token, id);
    },
    collectToken: (id: string): void => {
      s.collect.run(id);
    },
    purgeExpired: (now: number): void => {
      s.purge.run(now);
    },
  };
}

export type DevicesRepository = ReturnType<typeof devicesRepository>;
