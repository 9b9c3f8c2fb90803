import { isDossierCode, normalizeDossierCode } from '@shared/dossier-code';
import type { DataAccessEntry, DataAccessQuery } from '@shared/schemas/privacy';
import type { ServiceContext } from './context';

/**
 * Personal data duties (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): the access log of staff reads of dossiers'
 * personal fields.
 */
export function privacyService(ctx: ServiceContext) {
  const { repos } = ctx;

  /** The access log, newest first; a dossier code as typed narrows it to that dossier (none found: empty). */
  function accessLog(q: DataAccessQuery): DataAccessEntry[] {
    let dossierId: number | undefined;
    if (q.dossierCode !== undefined) {
      const code = normalizeDossierCode(q.dossierCode);
      const row = isDossierCode(code) ? repos.dossiers.byCode(code) : undefined;
      if (!row) return [];
      dossierId = row.id;
    }
    return repos.privacy
      .searchReads({
        from: q.from ? Date.parse(q.from) : undefined,
        to: q.to ? Date.parse(q.to) : undefined,
        userId: q.userId,
        dossierId,
        kind: q.kind,
        limit: q.limit,
        beforeId: q.beforeId,
      })
      .map((r) => ({
        id: r.id,
        at: new Date(r.at).toISOString(),
        userId: r.user_id,
        userName: r.user_name,
        ip: r.ip,
        dossierId: r.dossier_id,
        dossierCode: r.dossier_code,
        kind: r.kind,
        fields: r.fields,
      }));
  }

  return { accessLog };
}
export type PrivacyService = ReturnType<typeof privacyService>;
