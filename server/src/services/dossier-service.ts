import { dossierUnit, formatDossierCode, isDossierCode, normalizeDossierCode } from '@shared/dossier-code';
import { businessDay } from '@shared/office-time';
import { rooms } from '@shared/rooms';
import type { PersonalReadKind } from '@shared/schemas/privacy';
import type { Dossier, DossierAction, DossierActionBody, DossierLookup, DossierQuery, DossierSummary, IntakeBody, RescheduleBody } from '@shared/schemas/dossier';
import { foldVietnamese } from '@shared/text-fold';
import { addDays, addWorkingMinutes, dueAfterPause, dueDate, isWorkingDate, zonedInstant, type TimeLimit } from '@shared/working-days';
import { nextDossierStatus } from '../domain/dossier-lifecycle';
import { intakeProvenance } from '../domain/intake-provenance';
import { fail } from '../errors';
import type { AuditActor, StaffActor } from '../repositories/audit-repository';
import type { DossierListRow, DossierPatch, DossierRow } from '../repositories/dossiers-repository';
import type { CalendarService } from './calendar-service';
import type { CatalogService } from './catalog-service';
import type { ServiceContext } from './context';
import type { IdNumberHasher } from './id-number-hash';
import { checkMatches, createLookupLimiter, newCheckCode } from './dossier-check';
import { toDossier, toLookup, toSummary } from './dossier-views';

const INTAKE_STATUS = { accept: 'received', supplement: 'supplement_requested', refuse: 'refused' } as const;
/** The personal fields a dossier list or the tracking book shows. */
const LIST_FIELDS = 'name,address,phone';

/** Dossier intake, status commands with their log, appointment dates and the tracking book. One transaction per command. */
export function dossierService(ctx: ServiceContext, catalog: CatalogService, calendar: CalendarService, hasher: IdNumberHasher) {
  const { repos, db } = ctx;

  const limitOf = (d: Pick<DossierRow, 'limit_kind' | 'limit_value' | 'limit_cutoff'>): TimeLimit => ({ kind: d.limit_kind, value: d.limit_value, cutoff15h: d.limit_cutoff === 1 });
  const view = (row: DossierListRow): Dossier => toDossier(row, repos.dossiers, ctx.now(), ctx.config.publicUrl);
  /** After a command's commit: tells the staff consoles, and replies with the dossier as committed. */
  const changed = (id: number): Dossier => {
    const row = byId(id);
    ctx.realtime.emit(rooms.staff(), 'dossier:updated', { dossier: toSummary(row, ctx.now()) });
    return view(row);
  };
  const byId = (id: number): DossierListRow => repos.dossiers.byId(id) ?? fail('DOSSIER_NOT_FOUND');

  /** Appointment date for a time limit, or null when the listing gives no number (the clerk sets one with Mẫu 04). */
  function due(receivedAt: number, limit: TimeLimit): number | null {
    if (limit.kind !== 'same_day' && limit.value === null) return null;
    return dueDate(calendar.current(), receivedAt, limit);
  }

  /** Appointment date of a procedure received at `receivedAt` (epoch ms). */
  const dueFor = (procedureId: number, receivedAt: number): number | null => due(receivedAt, catalog.get(procedureId).processingTime);

  /** The ticket currently served at the actor's counter, to link with the dossier. */
  function ticketAt(counterId: number | undefined, actor: StaffActor): number | null {
    if (counterId === undefined) return null;
    const counter = repos.catalog.counterById(counterId) ?? fail('COUNTER_NOT_FOUND');
    if (counter.staff_id !== actor.userId) fail('NOT_AT_COUNTER');
    return repos.tickets.currentAt(counterId)?.id ?? null;
  }

  /**
   * Intake at the counter. Every outcome records the dossier with a code (Nghị định 118/2025 Điều 11); the code's
   * daily sequence is bumped in the same transaction, so parallel intakes never share a number.
   */
  function intake(body: IntakeBody, actor: StaffActor): Dossier {
    if (body.outcome !== 'accept' && body.reason.trim() === '') fail('REASON_REQUIRED');
    const id = db.transaction(() => {
      const at = ctx.now();
      const p = catalog.get(body.procedureId);
      const ticketId = ticketAt(body.counterId, actor);
      const s = repos.settings.office();
      const unit = dossierUnit(s.unitCode);
      const day = businessDay(new Date(at), s.timezone);
      const seq = repos.dossiers.nextSeq(unit, day);
      const status = INTAKE_STATUS[body.outcome];
      const accepted = body.outcome === 'accept';
      const dueAt = accepted ? due(at, p.processingTime) : null;
      const a = body.applicant;
      const dossierId = repos.dossiers.insert(
        {
          code: formatDossierCode(unit, day, seq),
          check_code: newCheckCode(),
          seq,
          procedure_id: p.id,
          procedure_code: p.code,
          procedure_name: p.name,
          field_id: p.fieldId,
          agency: p.competentAgency || p.implementingAgency,
          status,
          applicant: JSON.stringify(a),
          applicant_name: a.name,
          applicant_folded: foldVietnamese(`${a.name} ${a.organization} ${a.idNumber} ${a.phone}`),
          sets: body.sets,
          fees_collected: body.feesCollected,
          delivery: body.delivery,
          channel: body.channel ?? 'counter',
          notes: body.notes,
          reason: body.reason,
          limit_kind: p.processingTime.kind,
          limit_value: p.processingTime.value,
          limit_cutoff: p.processingTime.cutoff15h ? 1 : 0,
          limit_text: p.processingTime.text,
          received_at: accepted ? at : null,
          due_at: dueAt,
          original_due_at: dueAt,
          paused_at: body.outcome === 'supplement' ? at : null,
          supplement_count: body.outcome === 'supplement' ? 1 : 0,
          returned_at: null,
          ticket_id: ticketId,
          received_by: actor.userId,
          created_at: at,
          updated_at: at,
        },
        body.documents,
      );
      repos.idCards.setDossierHash(dossierId, /^\d{12}$/.test(a.idNumber) ? hasher.hash(a.idNumber) : null);
      // After a scan at the counter the log keeps what the card said beside what the clerk kept (scanned vs typed).
      const data = body.idCard ? { idCard: intakeProvenance(body.idCard, a) } : undefined;
      repos.dossiers.logEvent({ dossierId, at, type: `intake.${body.outcome}`, from: null, to: status, userId: actor.userId, note: body.reason, data });
      repos.audit.write(at, actor, { action: `dossier.intake.${body.outcome}`, targetType: 'dossier', targetId: dossierId, details: { procedureId: p.id, ticketId } });
      return dossierId;
    })();
    return changed(id);
  }

  /** Applies a status command; illegal moves are refused with DOSSIER_INVALID_TRANSITION and change nothing. */
  function act(id: number, action: DossierAction, body: DossierActionBody, actor: StaffActor): Dossier {
    const note = body.note?.trim() ?? '';
    db.transaction(() => {
      const d = byId(id);
      const to = nextDossierStatus(action, d.status, d.received_at !== null) ?? fail('DOSSIER_INVALID_TRANSITION', { status: d.status, action });
      const at = ctx.now();
      const patch: DossierPatch = { status: to, updated_at: at };
      if (action === 'request-supplement') {
        // Nghị định 118/2025/NĐ-CP Điều 11: a supplement may be requested only once per dossier.
        if (d.supplement_count >= 1) fail('SUPPLEMENT_ALREADY_REQUESTED');
        if (note === '') fail('REASON_REQUIRED');
        Object.assign(patch, { supplement_count: 1, paused_at: at, reason: note });
      } else if (action === 'resume') {
        if (d.received_at === null) {
          const dueAt = due(at, limitOf(d));
          Object.assign(patch, { received_at: at, due_at: dueAt, original_due_at: dueAt, paused_at: null });
        } else {
          const cal = calendar.current();
          const dueAt = d.due_at === null ? null : dueAfterPause(cal, d.due_at, d.paused_at ?? at, at, d.limit_kind);
          Object.assign(patch, { due_at: dueAt, paused_at: null });
        }
      } else if (action === 'refuse') {
        if (note === '') fail('REASON_REQUIRED');
        patch.reason = note;
      } else if (action === 'return') {
        patch.returned_at = at;
      }
      repos.dossiers.update(id, patch);
      repos.dossiers.logEvent({ dossierId: id, at, type: action, from: d.status, to, userId: actor.userId, note, agency: body.agency ?? '', data: patch.due_at === undefined ? undefined : { dueAt: patch.due_at } });
      repos.audit.write(at, actor, { action: `dossier.${action}`, targetType: 'dossier', targetId: id, details: { code: d.code, from: d.status, to } });
    })();
    return changed(id);
  }

  /** Late dossier: a new appointment date with an apology (Mẫu 04); the first due date is kept. */
  function reschedule(id: number, body: RescheduleBody, actor: StaffActor): Dossier {
    db.transaction(() => {
      const d = byId(id);
      if (!['received', 'transferred', 'processing', 'supplement_requested', 'result_ready'].includes(d.status)) {
        fail('DOSSIER_INVALID_TRANSITION', { status: d.status, action: 'reschedule' });
      }
      const newDue = Date.parse(body.newDueAt);
      const cal = calendar.current();
      if (!(newDue > (d.due_at ?? ctx.now())) || !isWorkingDate(cal, businessDay(new Date(newDue), cal.timeZone))) fail('INVALID_DUE_DATE');
      const at = ctx.now();
      repos.dossiers.update(id, { due_at: newDue, updated_at: at });
      repos.dossiers.logEvent({ dossierId: id, at, type: 'reschedule', from: d.status, to: d.status, userId: actor.userId, note: body.reason.trim(), data: { oldDueAt: d.due_at, dueAt: newDue } });
      repos.audit.write(at, actor, { action: 'dossier.reschedule', targetType: 'dossier', targetId: id, details: { code: d.code, oldDueAt: d.due_at, newDueAt: newDue } });
    })();
    return changed(id);
  }

  /**
   * Rows shown to a staff member, each logged as a read of its personal fields (Luật 91/2025/QH15: who read which
   * citizen's data, when), in one transaction with the read.
   */
  function shown<T>(reader: AuditActor, kind: PersonalReadKind, read: () => { rows: DossierListRow[]; out: T }): T {
    return db.transaction(() => {
      const { rows, out } = read();
      repos.privacy.logReads(ctx.now(), reader, kind, kind === 'view' ? 'applicant' : LIST_FIELDS, rows.map((r) => r.id));
      return out;
    })();
  }
  const shownList = (reader: AuditActor, rows: DossierListRow[], kind: PersonalReadKind = 'list'): DossierSummary[] =>
    shown(reader, kind, () => ({ rows, out: summaries(rows) }));
  const shownOne = (reader: AuditActor, row: DossierListRow): Dossier => shown(reader, 'view', () => ({ rows: [row], out: view(row) }));

  /** Tracking book rows (Mẫu 06); dates are local days, inclusive. Logged as read by `reader` (a list, or an export). */
  function list(q: DossierQuery, reader: AuditActor, kind: PersonalReadKind = 'list'): DossierSummary[] {
    const tz = repos.settings.office().timezone;
    const rows = repos.dossiers.search({
      from: q.from === undefined ? undefined : zonedInstant(q.from, 0, tz),
      to: q.to === undefined ? undefined : zonedInstant(addDays(q.to, 1), 0, tz),
      fieldId: q.fieldId,
      procedureId: q.procedureId,
      status: q.status,
      q: q.q === undefined ? undefined : foldVietnamese(q.q.trim()),
      limit: q.limit,
    });
    return shownList(reader, rows, kind);
  }

  const summaries = (rows: DossierListRow[]): DossierSummary[] => rows.map((r) => toSummary(r, ctx.now()));
  /** The dossier of a code as typed (any case, spaces, typographic dashes); 400 when it is no code, 404 when unknown. */
  const rowOfCode = (typed: string): DossierListRow => {
    const code = normalizeDossierCode(typed);
    if (!isDossierCode(code)) fail('VALIDATION_FAILED');
    return repos.dossiers.byCode(code) ?? fail('DOSSIER_NOT_FOUND');
  };

  // Public lookups that failed, per address: sequential codes must not be walkable by guessing the second factor.
  const lookupFailures = createLookupLimiter();
  /**
   * Public status by code as the citizen typed it plus the second factor (check code or phone's last 4 digits). An
   * unknown code and a wrong check answer alike (DOSSIER_CHECK_FAILED) and both count against the address.
   */
  function lookup(typedCode: string, check: string, address: string): DossierLookup {
    const at = ctx.now();
    if (lookupFailures.locked(address, at)) fail('DOSSIER_LOOKUP_LOCKED', { retryAfterSeconds: Math.ceil(lookupFailures.retryAfterMs(address, at) / 1000) });
    const code = normalizeDossierCode(typedCode);
    if (!isDossierCode(code)) fail('VALIDATION_FAILED');
    const row = repos.dossiers.byCode(code);
    if (!row || !checkMatches(row, check)) {
      lookupFailures.fail(address, at);
      fail('DOSSIER_CHECK_FAILED');
    }
    return toLookup(row, at);
  }

  return {
    dueFor,
    intake,
    act,
    reschedule,
    list,
    /** One dossier with every applicant field, logged as read by `reader`. */
    get: (id: number, reader: AuditActor): Dossier => shownOne(reader, byId(id)),
    /** A dossier by its code as typed or scanned at the return desk (logged as read). */
    byCode: (code: string, reader: AuditActor): Dossier => shownOne(reader, rowOfCode(code)),
    lookup,
    /** Open dossiers past their appointment date, most late first (logged as read). */
    overdue: (reader: StaffActor): DossierSummary[] => shownList(reader, repos.dossiers.dueBefore(ctx.now())),
    /** Open dossiers due within the next `hours` working hours (logged as read). */
    dueSoon: (hours: number, reader: StaffActor): DossierSummary[] => {
      const now = ctx.now();
      return shownList(reader, repos.dossiers.dueBetween(now, addWorkingMinutes(calendar.current(), now, hours * 60)));
    },
  };
}
export type DossierService = ReturnType<typeof dossierService>;
