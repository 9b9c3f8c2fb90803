import { defineStore } from 'pinia';
import { computed, reactive, ref } from 'vue';
import type {
  CalendarYear,
  Dossier,
  DossierAction,
  DossierDocument,
  DossierQuery,
  DossierSummary,
  IntakeBody,
} from '@shared/schemas/dossier';
import type { Procedure, ProcedureSummary } from '@shared/schemas/procedure';
import { ApiError, errorCodeOf, request } from '@ui/api';
import type { HubSocket } from '@ui/socket';
import type { ErrorCode } from '@shared/errors';
import type { IdCard } from '@shared/id-card';

/** An empty intake form. */
export function emptyIntake(): Omit<IntakeBody, 'procedureId' | 'outcome'> {
  return {
    applicant: { name: '', idNumber: '', phone: '', address: '', email: '', organization: '', representative: '', dateOfBirth: '', gender: '' },
    documents: [],
    sets: 1,
    feesCollected: 0,
    channel: 'counter',
    delivery: 'counter',
    notes: '',
    reason: '',
  };
}

/** The procedure's listed documents as a checklist: counts from the listing, nothing marked missing. */
export function checklistOf(p: Procedure): DossierDocument[] {
  return p.documents.map((d) => ({ name: d.name, originals: d.originals, certifiedCopies: 0, copies: d.copies, missing: false }));
}

/** Query string of the tracking book filters (empty values left out). */
export function bookQuery(q: Partial<DossierQuery>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '' && v !== null) params.set(k, String(v));
  return params.toString();
}

/** Dossier work at the counter: intake, tracking, return of results, the office calendar. Components never fetch. */
export const useDossiersStore = defineStore('dossiers', () => {
  const procedures = ref<ProcedureSummary[]>([]);
  const procedure = ref<Procedure | null>(null);
  const draft = reactive(emptyIntake());
  const dueAt = ref<string | null>(null);
  const current = ref<Dossier | null>(null);
  const book = ref<DossierSummary[]>([]);
  const overdue = ref<DossierSummary[]>([]);
  const dueSoon = ref<DossierSummary[]>([]);
  const calendar = ref<CalendarYear | null>(null);
  const busy = ref(false);
  const error = ref<ErrorCode | null>(null);

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    error.value = null;
    try {
      return await work();
    } catch (e) {
      error.value = errorCodeOf(e);
      if (!(e instanceof ApiError)) console.error(e);
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  async function searchProcedures(q: string): Promise<void> {
    procedures.value = (await run(() => request<ProcedureSummary[]>('GET', `/api/procedures?limit=15&q=${encodeURIComponent(q)}`))) ?? [];
  }

  /** Picks the procedure: loads its listing, fills the checklist and shows the appointment date. */
  async function selectProcedure(id: number): Promise<void> {
    const p = await run(() => request<Procedure>('GET', `/api/procedures/${id}`));
    if (!p) return;
    procedure.value = p;
    draft.documents = checklistOf(p);
    draft.feesCollected = p.fees.reduce((sum, f) => sum + (f.amount ?? 0), 0);
    await previewDue();
  }

  async function previewDue(): Promise<void> {
    if (!procedure.value) return;
    const reply = await run(() => request<{ dueAt: string | null }>('POST', '/api/dossiers/due-date', { procedureId: procedure.value?.id, receivedAt: new Date().toISOString() }));
    dueAt.value = reply?.dueAt ?? null;
  }

  /** Submits the intake with an outcome; the current ticket of `counterId` is linked. */
  async function submit(outcome: IntakeBody['outcome'], counterId: number | null): Promise<Dossier | undefined> {
    if (!procedure.value) return undefined;
    const body: IntakeBody = { ...JSON.parse(JSON.stringify(draft)), procedureId: procedure.value.id, outcome, ...(counterId ? { counterId } : {}) };
    const d = await run(() => request<Dossier>('POST', '/api/dossiers', body));
    if (d) {
      current.value = d;
      reset();
    }
    return d;
  }

  /**
   * Fills the applicant from an ID card scanned at the counter; the clerk may correct every field. What the card said
   * goes with the intake (`idCard`) so the dossier's log records it beside what was kept.
   */
  function applyCard(card: IdCard): void {
    Object.assign(draft.applicant, {
      name: card.fullName,
      idNumber: card.idNumber,
      dateOfBirth: card.dateOfBirth ?? '',
      gender: card.gender ?? '',
      address: card.address ?? '',
    });
    draft.idCard = {
      kind: card.kind,
      idNumber: card.idNumber,
      fullName: card.fullName,
      ...(card.dateOfBirth ? { dateOfBirth: card.dateOfBirth } : {}),
      ...(card.gender ? { gender: card.gender } : {}),
      ...(card.address ? { address: card.address.slice(0, 300) } : {}),
    };
  }

  function reset(): void {
    delete draft.idCard;
    Object.assign(draft, emptyIntake());
    procedure.value = null;
    procedures.value = [];
    dueAt.value = null;
  }

  async function open(id: number): Promise<void> {
    current.value = (await run(() => request<Dossier>('GET', `/api/dossiers/${id}`))) ?? current.value;
  }

  async function findByCode(code: string): Promise<Dossier | undefined> {
    const d = await run(() => request<Dossier>('GET', `/api/dossiers/by-code/${encodeURIComponent(code.trim())}`));
    if (d) current.value = d;
    return d;
  }

  async function act(action: DossierAction, body: { note?: string; agency?: string } = {}): Promise<void> {
    const id = current.value?.id;
    if (!id) return;
    current.value = (await run(() => request<Dossier>('POST', `/api/dossiers/${id}/${action}`, body))) ?? current.value;
  }

  async function reschedule(newDueAt: string, reason: string): Promise<void> {
    const id = current.value?.id;
    if (!id) return;
    current.value = (await run(() => request<Dossier>('POST', `/api/dossiers/${id}/reschedule`, { newDueAt, reason }))) ?? current.value;
  }

  async function loadBook(q: Partial<DossierQuery>): Promise<void> {
    book.value = (await run(() => request<DossierSummary[]>('GET', `/api/dossiers?${bookQuery(q)}`))) ?? [];
  }

  async function loadAlerts(hours = 8): Promise<void> {
    const [o, s] = (await run(() => Promise.all([request<DossierSummary[]>('GET', '/api/dossiers/overdue'), request<DossierSummary[]>('GET', `/api/dossiers/due-soon?hours=${hours}`)]))) ?? [[], []];
    overdue.value = o;
    dueSoon.value = s;
  }

  async function loadCalendar(year: number): Promise<void> {
    calendar.value = (await run(() => request<CalendarYear>('GET', `/api/calendar?year=${year}`))) ?? calendar.value;
  }

  async function putCalendarDay(date: string, working: boolean, name: string): Promise<void> {
    await run(() => request('PUT', `/api/admin/calendar/${date}`, { working, name }));
    await loadCalendar(Number(date.slice(0, 4)));
  }

  async function removeCalendarDay(date: string): Promise<void> {
    await run(() => request('DELETE', `/api/admin/calendar/${date}`));
    await loadCalendar(Number(date.slice(0, 4)));
  }

  const missing = computed(() => draft.documents.filter((d) => d.missing));

  /** A dossier changed on another console: refresh the rows showing it, and the open dossier. */
  function applyPush(d: DossierSummary): void {
    for (const list of [book, overdue, dueSoon]) list.value = list.value.map((r) => (r.id === d.id ? d : r));
    if (current.value?.id === d.id && current.value.status !== d.status) void open(d.id);
  }

  /** Listens to the console's socket (called once per connection by counter/src/socket.ts). */
  function bind(socket: HubSocket): void {
    socket.on('dossier:updated', ({ dossier }) => applyPush(dossier));
  }

  return {
    procedures,
    procedure,
    draft,
    dueAt,
    current,
    book,
    overdue,
    dueSoon,
    calendar,
    busy,
    error,
    missing,
    searchProcedures,
    selectProcedure,
    previewDue,
    submit,
    applyCard,
    reset,
    open,
    findByCode,
    act,
    reschedule,
    loadBook,
    loadAlerts,
    loadCalendar,
    putCalendarDay,
    removeCalendarDay,
    applyPush,
    bind,
  };
});
