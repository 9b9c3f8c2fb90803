import type { IdCardDossiers } from '@shared/schemas/dossier';
import type { ServiceContext } from './context';
import type { IdNumberHasher } from './id-number-hash';

/** What the kiosk's listing shows of each dossier (recorded in the access log). */
const KIOSK_FIELDS = 'status,dates';
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The ID-card features that touch stored data: a citizen's open dossiers by a scan, and hashing older dossiers. */
export function idCardService(ctx: ServiceContext, hasher: IdNumberHasher) {
  const { repos, db } = ctx;

  /**
   * The open dossiers of the citizen whose card was scanned at a kiosk: status and dates only, matched by the salted
   * hash, each listing recorded in the personal-data access log with the device (Luật 91/2025/QH15).
   */
  function openDossiers(idNumber: string, reader: { deviceId: number | null; ip: string | null }): IdCardDossiers {
    const hash = hasher.hash(idNumber);
    const rows = db.transaction(() => {
      const found = repos.idCards.openDossiersByHash(hash);
      repos.idCards.logDeviceReads(ctx.now(), reader, KIOSK_FIELDS, found.map((r) => r.id));
      return found;
    })();
    return { dossiers: rows.map((r) => ({ status: r.status, createdAt: new Date(r.created_at).toISOString(), receivedAt: iso(r.received_at), dueAt: iso(r.due_at) })) };
  }

  /** Hashes the applicant ID numbers of dossiers received before the hash existed (once, at start). */
  function hashOlderDossiers(): number {
    return db.transaction(() => {
      const rows = repos.idCards.unhashedDossiers();
      for (const r of rows) repos.idCards.setDossierHash(r.id, r.id_number && /^\d{12}$/.test(r.id_number) ? hasher.hash(r.id_number) : null);
      return rows.length;
    })();
  }

  return { openDossiers, hashOlderDossiers };
}
