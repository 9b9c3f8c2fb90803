import type { CounterState } from '@shared/schemas/counter';
import type { OfficePublic } from '@shared/schemas/office';
import type { ServiceSummary } from '@shared/schemas/service';
import type { Ticket } from '@shared/schemas/ticket';

/** Test data shaped like the hub's replies. */
export const office: OfficePublic = {
  name: 'Trung tâm Phục vụ hành chính công phường Hòa Bình',
  address: '',
  timezone: 'Asia/Ho_Chi_Minh',
  workingDays: [1, 2, 3, 4, 5],
  sessions: [{ start: '07:00', end: '17:00' }],
  issueWindows: [{ start: '07:00', end: '16:30' }],
  elderlyAge: 60,
  issuingOpen: true,
};

export function service(id: number, prefix: string, nameVi: string): ServiceSummary {
  return {
    id,
    code: prefix,
    nameVi,
    nameEn: `${nameVi} (en)`,
    prefix,
    groupVi: '',
    groupEn: '',
    icon: 'document',
    displayOrder: id,
    waitingCount: 0,
    estimatedWaitMinutes: 0,
    issuedToday: 0,
    remainingToday: 100,
    counterNumbers: [1],
  };
}

export const services = [service(1, 'A', 'Hộ tịch'), service(2, 'B', 'Chứng thực'), service(4, 'D', 'Đất đai')];

let nextId = 100;
export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  nextId += 1;
  return {
    id: nextId,
    number: `A${String(nextId).padStart(3, '0')}`,
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
    sortKey: nextId,
    ...overrides,
  };
}

export function counter(overrides: Partial<CounterState> = {}): CounterState {
  return {
    id: 1,
    number: 1,
    name: 'Tư pháp',
    area: '',
    services: [
      { serviceId: 1, weight: 1 },
      { serviceId: 2, weight: 1 },
    ],
    open: true,
    staffId: 3,
    staffName: 'Nguyễn Văn An',
    currentTicket: null,
    servedToday: 7,
    ...overrides,
  };
}
