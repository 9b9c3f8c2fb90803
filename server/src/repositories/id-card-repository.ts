import type { DossierStatus } from '@shared/schemas/dossier';
import type { Db } from '../db';

/** An open dossier as the kiosk lists it for a scanned card: status and dates only. */
export interface IdCardDossierRow {
  id: number;
  status: DossierStatus;
  created_at: number;
  received_at: number | null;
  due_at: number | null;
}

/** SQL of the ID-card features: the salted ID-number hash on dossiers, and the kiosk's reads of them. */
export function idCardRepository(db: Db) {
  const s = {
    setHash: db.prepare<{ id: number; hash: string | null }>('UPDATE dossiers SET applicant_id_hash = @hash WHERE id = @id'),
    open: db.prepare<[string], IdCardDossierRow>(
      `SELECT id, status, created_at, received_at, due_at FROM dossiers
        WHERE applicant_id_hash = ? AND status NOT IN ('returned', 'refused', 'withdrawn')
        ORDER BY created_at DESC, id DESC LIMIT 20`,
    ),
    unhashed: db.prepare<[], { id: number; id_number: string | null }>(
      `SELECT id, json_extract(applicant, '$.idNumber') AS id_number FROM dossiers
        WHERE applicant_id_hash IS NULL AND anonymised_at IS NULL AND json_extract(applicant, '$.idNumber') GLOB '[0-9]*'`,
    ),
    read: db.prepare<{ at: number; device_id: number | null; ip: string | null; dossier_id: number; fields: string }>(
      `INSERT INTO personal_data_reads (at, user_id, device_id, ip, dossier_id, kind, fields) VALUES (@at, NULL, @device_id, @ip, @dossier_id, 'list', @fields)`,
    ),
  };
  return {
    /** Stores the salted hash of a dossier's applicant ID number (null when it has none). */
    setDossierHash: (id: number, hash: string | null): void => {
      s.setHash.run({ id, hash });
    },
    /** The open dossiers whose applicant has this ID-number hash, newest first. */
    openDossiersByHash: (hash: string): IdCardDossierRow[] => s.open.all(hash),
    /** Dossiers with a numeric applicant ID number and no hash yet (received before migration 016). */
    unhashedDossiers: () => s.unhashed.all(),
    /** One access-log row per dossier a paired device showed (inside the caller's transaction). */
    logDeviceReads(at: number, reader: { deviceId: number | null; ip: string | null }, fields: string, dossierIds: readonly number[]): void {
      for (const id of dossierIds) s.read.run({ at, device_id: reader.deviceId, ip: reader.ip, dossier_id: id, fields });
    },
  };
}
