import type { CounterState } from '@shared/schemas/counter';
import type { OfficePublic } from '@shared/schemas/office';
import type { QueueSnapshot } from '@shared/schemas/queue';
import type { ServiceSummary } from '@shared/schemas/service';
import type { CallRecord, IssuedTicket, Ticket } from '@shared/schemas/ticket';

/** Test data shaped like the hub's replies, shared by the web apps' tests (override what a test is about). */
export function makeOffice(over: Partial<OfficePublic> = {}): OfficePublic {
  return {
    name: 'Trung tâm Phục vụ hành chính công phường Hòa Bình',
    address: 'Số 1 đường Độc Lập',
    timezone: 'Asia/Ho_Chi_Minh',
    workingDays: [1, 2, 3, 4, 5],
    sessions: [
      { start: '07:00', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ],
    issueWindows: [
      { start: '07:00', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ],
    elderlyAge: 60,
    priorityGroups: ['elderly', 'disabled', 'pregnant', 'merit', 'young_child', 'appointment'],
    languages: ['vi', 'en'],
    logoVersion: null,
    issuingOpen: true,
    publicUrl: 'http://hub.test',
    ...over,
  };
}

export function makeService(over: Partial<ServiceSummary> & Pick<ServiceSummary, 'id' | 'prefix' | 'nameVi'>): ServiceSummary {
  return {
    code: over.prefix,
    nameEn: over.nameVi,
    groupVi: over.nameVi,
    groupEn: over.nameVi,
    icon: 'document',
    displayOrder: over.id,
    waitingCount: 0,
    estimatedWaitMinutes: 0,
    issuedToday: 0,
    remainingToday: 100,
    counterNumbers: [1],
    ...over,
  };
}

/** The demo office's seven services. */
export function demoServices(): ServiceSummary[] {
  return [
    makeService({ id: 1, prefix: 'A', nameVi: 'Hộ tịch', nameEn: 'Civil status', groupVi: 'Tư pháp', groupEn: 'Justice', icon: 'family', waitingCount: 4, estimatedWaitMinutes: 20, counterNumbers: [1, 2] }),
    makeService({ id: 2, prefix: 'B', nameVi: 'Chứng thực', nameEn: 'Certification', groupVi: 'Tư pháp', groupEn: 'Justice', icon: 'stamp', counterNumbers: [1, 2] }),
    makeService({ id: 3, prefix: 'C', nameVi: 'Kinh tế – Hạ tầng – Đô thị', icon: 'shop', counterNumbers: [3] }),
    makeService({ id: 4, prefix: 'D', nameVi: 'Đất đai', icon: 'land', counterNumbers: [4] }),
    makeService({ id: 5, prefix: 'E', nameVi: 'Văn hóa – Xã hội', icon: 'heart', counterNumbers: [5] }),
    makeService({ id: 6, prefix: 'F', nameVi: 'Cư trú', groupVi: 'Công an', icon: 'home', counterNumbers: [6] }),
    makeService({ id: 7, prefix: 'G', nameVi: 'Trả kết quả', icon: 'result', remainingToday: 0, counterNumbers: [1] }),
  ];
}

let lastTicketId = 100;

/** A waiting ticket of service 1; without an id it gets a fresh one (and the number A101, A102 … to match). */
export function makeTicket(over: Partial<Ticket> = {}): Ticket {
  const id = over.id ?? ++lastTicketId;
  return {
    id,
    number: `A${String(id).padStart(3, '0')}`,
    serviceId: 1,
    status: 'waiting',
    priorityGroup: null,
    businessDay: '2026-11-23',
    issuedAt: '2026-11-23T01:00:00.000Z',
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    counterId: null,
    staffId: null,
    targetCounterId: null,
    recallCount: 0,
    noShowCount: 0,
    transferCount: 0,
    sortKey: id,
    ...over,
    priority: over.priority ?? (over.priorityGroup ?? null) !== null,
  };
}

export function makeCounter(over: Partial<CounterState> & Pick<CounterState, 'id' | 'number' | 'name'>): CounterState {
  return {
    area: '',
    services: [],
    open: true,
    staffId: null,
    staffName: null,
    currentTicket: null,
    servedToday: 0,
    ...over,
  };
}

/** The counter console's own counter: counter 1, open, staffed by user 3, serving services 1 and 2. */
export function makeStaffedCounter(over: Partial<CounterState> = {}): CounterState {
  return makeCounter({
    id: 1,
    number: 1,
    name: 'Tư pháp',
    services: [
      { serviceId: 1, weight: 1 },
      { serviceId: 2, weight: 1 },
    ],
    staffId: 3,
    staffName: 'Nguyễn Văn An',
    servedToday: 7,
    ...over,
  });
}

export function makeCall(over: Partial<CallRecord> & Pick<CallRecord, 'ticketId' | 'number' | 'counterNumber'>): CallRecord {
  return {
    serviceId: 1,
    counterId: over.counterNumber,
    counterName: `Quầy ${over.counterNumber}`,
    priorityGroup: null,
    calledAt: '2026-11-23T02:00:00.000Z',
    recall: false,
    ...over,
    priority: over.priority ?? (over.priorityGroup ?? null) !== null,
  };
}

export function makeIssuedTicket(over: Partial<IssuedTicket> = {}): IssuedTicket {
  return {
    id: 41,
    number: 'A012',
    serviceId: 1,
    serviceNameVi: 'Hộ tịch',
    serviceNameEn: 'Civil status',
    status: 'waiting',
    priorityGroup: null,
    issuedAt: '2026-11-23T02:15:00.000Z',
    peopleAhead: 4,
    estimatedWaitMinutes: 20,
    counterNumbers: [1, 2],
    trackingId: 'trk_abc',
    trackingUrl: '/t/trk_abc',
    ...over,
  };
}

export function makeSnapshot(over: Partial<QueueSnapshot> = {}): QueueSnapshot {
  return {
    serverTime: '2026-11-23T02:15:00.000Z',
    businessDay: '2026-11-23',
    office: makeOffice(),
    services: demoServices(),
    counters: [],
    waiting: [],
    recentCalls: [],
    ...over,
  };
}
