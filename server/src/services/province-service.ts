import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EnrollBodySchema, HeartbeatBody, ProvinceOffice, ProvinceOfficeCreate, SyncRecord } from '@shared/schemas/province';
import type { Static } from '@sinclair/typebox';
import { fail } from '../errors';
import type { StaffActor } from '../repositories/audit-repository';
import type { ProvinceOfficeRow } from '../repositories/province-repository';
import type { ServiceContext } from './context';

/** An enrolment token is valid this long after the office is added (or its token renewed). */
const ENROLL_TOKEN_MS = 7 * 24 * 3600_000;
/** An office is offline when no heartbeat came for this long (it sends one every 30 s). */
export const OFFLINE_AFTER_MS = 2 * 60_000;

const hash = (secret: string) => createHash('sha256').update(secret).digest('base64url');
const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** An office as the board shows it: its state, whether it answers, its last heartbeat's figures. */
export function toOffice(r: ProvinceOfficeRow, now: number): ProvinceOffice {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    state: r.revoked_at !== null ? 'revoked' : r.credential_hash !== null ? 'enrolled' : 'pending',
    online: r.credential_hash !== null && r.received_at !== null && now - r.received_at < OFFLINE_AFTER_MS,
    lastSeenAt: r.received_at === null ? null : new Date(r.received_at).toISOString(),
    waiting: r.waiting ?? 0,
    longestWaitMinutes: r.longest_wait_minutes ?? 0,
    openCounters: r.open_counters ?? 0,
    printersDown: r.printers_down ?? 0,
    version: r.version,
    clockSkewSeconds: r.clock_skew_ms === null ? null : Math.round(r.clock_skew_ms / 1000),
  };
}

/**
 * The province hub's use-cases: adding offices and enrolling them (a one-time token exchanged for a revocable
 * credential), taking their heartbeats and records — each record once, by (office, seq), so a resend after a WAN
 * outage changes nothing — and rolling their figures up.
 */
export function provinceService(ctx: ServiceContext) {
  const { repos, db } = ctx;
  const repo = repos.province;

  const newToken = () => {
    const token = randomBytes(24).toString('base64url');
    return { token, tokenHash: hash(token), expiresAt: ctx.now() + ENROLL_TOKEN_MS };
  };

  return {
    offices: (): ProvinceOffice[] => repo.all().map((r) => toOffice(r, ctx.now())),

    /** Adds an office; its enrolment token is returned once (only its hash is kept). */
    addOffice(body: ProvinceOfficeCreate, actor: StaffActor): { id: number; enrollToken: string } {
      const { token, tokenHash, expiresAt } = newToken();
      const id = db.transaction(() => {
        if (repo.byCode(body.code)) fail('OFFICE_CODE_TAKEN');
        const created = repo.insert({ code: body.code, name: body.name.trim(), tokenHash, expiresAt, at: ctx.now() });
        repos.audit.write(ctx.now(), actor, { action: 'province.office_add', targetType: 'office', targetId: created, details: { code: body.code, name: body.name } });
        return created;
      })();
      return { id, enrollToken: token };
    },

    /** Ends an office's credential (its next heartbeat or record is refused) and gives it a new enrolment token. */
    revokeOffice(id: number, actor: StaffActor): { id: number; enrollToken: string } {
      const { token, tokenHash, expiresAt } = newToken();
      db.transaction(() => {
        const office = repo.byId(id) ?? fail('NOT_FOUND');
        repo.revoke(id, ctx.now());
        repo.newToken(id, tokenHash, expiresAt);
        repos.audit.write(ctx.now(), actor, { action: 'province.office_revoke', targetType: 'office', targetId: id, details: { code: office.code } });
      })();
      return { id, enrollToken: token };
    },

    /** The office exchanges its one-time token for a credential (the token is spent). */
    enroll(body: Static<typeof EnrollBodySchema>): { officeId: number; credential: string } {
      const credential = randomBytes(32).toString('base64url');
      const officeId = db.transaction(() => {
        const office = repo.byCode(body.code);
        const valid =
          office?.enroll_token_hash != null && (office.enroll_expires_at ?? 0) > ctx.now() && sameHash(office.enroll_token_hash, hash(body.enrollToken));
        if (!office || !valid) fail('ENROLL_TOKEN_INVALID');
        repo.enroll(office.id, hash(credential), ctx.now());
        return office.id;
      })();
      return { officeId, credential };
    },

    /** The enrolled office a credential belongs to; 401 when unknown or revoked. */
    authenticate(credential: string | undefined): ProvinceOfficeRow {
      return (credential ? repo.byCredential(hash(credential)) : undefined) ?? fail('OFFICE_CREDENTIAL_INVALID');
    },

    heartbeat(office: ProvinceOfficeRow, body: HeartbeatBody): void {
      repo.heartbeat({ ...body, office: office.id, at: ctx.now(), sentAt: Date.parse(body.sentAt) });
    },

    /** Stores each record once and applies it; a record already held is counted as a duplicate and changes nothing. */
    sync(office: ProvinceOfficeRow, records: readonly SyncRecord[]): { accepted: number; duplicates: number; lastSeq: number } {
      return db.transaction(() => {
        let accepted = 0;
        for (const r of records) {
          if (!repo.record(office.id, r.seq, r.kind, r.data, ctx.now())) continue;
          accepted += 1;
          if (r.kind === 'day_figures') repo.dayFigures(office.id, r.seq, r.data);
          else repos.provinceFacts.applyDay(office.id, r.seq, r.data);
        }
        return { accepted, duplicates: records.length - accepted, lastSeq: repo.lastSeq(office.id) };
      })();
    },
  };
}
export type ProvinceService = ReturnType<typeof provinceService>;
