import { SqliteError } from 'better-sqlite3';
import type { CounterAdmin, CounterInput, ServiceAdmin, ServiceInput, UserAdmin, UserCreate, UserUpdate } from '@shared/schemas/admin';
import type { OfficeSettings } from '@shared/schemas/office';
import { minutesOfDay } from '@shared/office-time';
import { rooms } from '@shared/rooms';
import { throttleKey } from '../domain/login-throttle';
import { fail } from '../errors';
import { hashPassword } from '../passwords';
import type { StaffActor } from '../repositories/audit-repository';
import type { CounterRow, ServiceRow } from '../repositories/catalog-repository';
import type { UserRow } from '../repositories/users-repository';
import type { ServiceContext } from './context';
import type { LoginThrottle } from './login-throttle';
import type { QueueService } from './queue-service';

const toServiceAdmin = (r: ServiceRow): ServiceAdmin => ({
  id: r.id,
  code: r.code,
  nameVi: r.name_vi,
  nameEn: r.name_en,
  prefix: r.prefix,
  groupVi: r.group_vi,
  groupEn: r.group_en,
  icon: r.icon,
  startNumber: r.start_number,
  endNumber: r.end_number,
  dailyMax: r.daily_max,
  active: r.active === 1,
  displayOrder: r.display_order,
});

const toUserAdmin = (u: UserRow, blocked: ReadonlySet<string>): UserAdmin => ({
  id: u.id,
  username: u.username,
  fullName: u.full_name,
  role: u.role,
  active: u.active === 1,
  mustChangePassword: u.must_change_password === 1,
  locked: blocked.has(throttleKey(u.username)),
  createdAt: new Date(u.created_at).toISOString(),
});

/** Runs a write; a UNIQUE violation (code, prefix, counter number, username) becomes the given 409. */
function unique<T>(fn: () => T, code: 'CONFLICT' | 'USERNAME_TAKEN' = 'CONFLICT'): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof SqliteError && err.code.startsWith('SQLITE_CONSTRAINT_UNIQUE')) fail(code);
    throw err;
  }
}

function checkSessions(sessions: OfficeSettings['sessions'], field: string): void {
  for (const s of sessions) if (minutesOfDay(s.start) >= minutesOfDay(s.end)) fail('VALIDATION_FAILED', { field, message: 'Giờ bắt đầu phải trước giờ kết thúc.' });
}

/** Office administration: settings, services, counters, staff accounts. Every change is audited and pushed. */
export function adminService(ctx: ServiceContext, queue: QueueService, throttle: LoginThrottle) {
  const { repos, db } = ctx;
  const audit = (actor: StaffActor, action: string, targetType: string, targetId: number | null, details?: unknown) =>
    repos.audit.write(ctx.now(), actor, { action, targetType, targetId, details });
  const userAdmin = (id: number) => toUserAdmin(repos.users.byId(id) as UserRow, throttle.blockedNames());

  function pushAll(): void {
    const day = queue.readToday((queueDay) => queueDay);
    queue.pushServices(day);
    for (const c of repos.catalog.counters()) queue.pushCounter(day, c.id);
  }

  function saveSettings(next: OfficeSettings, actor: StaffActor): OfficeSettings {
    try {
      new Intl.DateTimeFormat('en', { timeZone: next.timezone });
    } catch {
      fail('VALIDATION_FAILED', { field: 'timezone', message: 'Múi giờ không hợp lệ.' });
    }
    if (!next.languages.includes('vi')) fail('VALIDATION_FAILED', { field: 'languages', message: 'Luôn phải có tiếng Việt.' });
    checkSessions(next.sessions, 'sessions');
    checkSessions(next.issueWindows, 'issueWindows');
    db.transaction(() => {
      const before = queue.settings();
      queue.saveSettings(next);
      const changed = Object.keys(next).filter((k) => JSON.stringify(before[k as keyof OfficeSettings]) !== JSON.stringify(next[k as keyof OfficeSettings]));
      audit(actor, 'admin.settings', 'settings', null, { changed });
    })();
    pushAll();
    queue.pushOffice();
    return queue.settings();
  }

  function serviceRow(id: number, input: ServiceInput): ServiceRow {
    if (input.endNumber < input.startNumber) fail('VALIDATION_FAILED', { field: 'endNumber', message: 'Số kết thúc phải lớn hơn số bắt đầu.' });
    return {
      id,
      code: input.code,
      name_vi: input.nameVi,
      name_en: input.nameEn,
      prefix: input.prefix,
      group_vi: input.groupVi,
      group_en: input.groupEn,
      icon: input.icon,
      start_number: input.startNumber,
      end_number: input.endNumber,
      daily_max: input.dailyMax,
      active: input.active ? 1 : 0,
      display_order: input.displayOrder,
    };
  }

  function saveService(id: number | null, input: ServiceInput, actor: StaffActor): ServiceAdmin {
    const saved = unique(() =>
      db.transaction(() => {
        const { id: _unused, ...fields } = serviceRow(id ?? 0, input);
        const row: ServiceRow = { ...fields, id: id ?? repos.catalog.insertService(fields) };
        if (id !== null && !repos.catalog.updateService(row)) fail('SERVICE_NOT_FOUND');
        audit(actor, id === null ? 'admin.service_create' : 'admin.service_update', 'service', row.id, input);
        return toServiceAdmin(repos.catalog.serviceById(row.id) as ServiceRow);
      })(),
    );
    pushAll();
    return saved;
  }

  function counterAdmin(c: CounterRow): CounterAdmin {
    return { id: c.id, number: c.number, name: c.name, area: c.area, active: c.active === 1, services: repos.catalog.counterServices().get(c.id) ?? [] };
  }

  function saveCounter(id: number | null, input: CounterInput, actor: StaffActor): CounterAdmin {
    const saved = unique(() =>
      db.transaction(() => {
        for (const l of input.services) if (!repos.catalog.serviceById(l.serviceId)) fail('SERVICE_NOT_FOUND');
        if (new Set(input.services.map((l) => l.serviceId)).size !== input.services.length) fail('VALIDATION_FAILED', { field: 'services' });
        const fields = { number: input.number, name: input.name, area: input.area, active: input.active ? 1 : 0 };
        let counterId = id;
        if (counterId === null) counterId = repos.catalog.insertCounter(fields);
        else if (!repos.catalog.updateCounter({ id: counterId, ...fields })) fail('COUNTER_NOT_FOUND');
        repos.catalog.setCounterServices(counterId, input.services);
        audit(actor, id === null ? 'admin.counter_create' : 'admin.counter_update', 'counter', counterId, input);
        return counterAdmin(repos.catalog.allCounters().find((c) => c.id === counterId) as CounterRow);
      })(),
    );
    pushAll();
    return saved;
  }

  async function createUser(input: UserCreate, actor: StaffActor): Promise<UserAdmin> {
    const hash = await hashPassword(input.password);
    return unique(
      () =>
        db.transaction(() => {
          const id = repos.users.insert({
            username: input.username,
            full_name: input.fullName,
            role: input.role,
            password_hash: hash,
            must_change_password: 1,
            created_at: ctx.now(),
          });
          audit(actor, 'admin.user_create', 'user', id, { username: input.username, role: input.role });
          return userAdmin(id);
        })(),
      'USERNAME_TAKEN',
    );
  }

  /** Edits an account. Deactivation ends its sessions; deactivation or a role change also drops its sockets at once. */
  function updateUser(id: number, input: UserUpdate, actor: StaffActor): UserAdmin {
    const { saved, before } = db.transaction(() => {
      if (id === actor.userId && (input.role !== 'admin' || !input.active)) fail('VALIDATION_FAILED', { message: 'Không thể tự hạ quyền hoặc khóa chính mình.' });
      const before = repos.users.byId(id) ?? fail('NOT_FOUND');
      repos.users.update({ id, full_name: input.fullName, role: input.role, active: input.active ? 1 : 0 });
      if (!input.active) repos.users.deleteSessionsOf(id);
      audit(actor, 'admin.user_update', 'user', id, input);
      return { saved: userAdmin(id), before };
    })();
    // A console reconnects by itself with what the account may still do (a demoted supervisor loses the monitor).
    if (!input.active || before.role !== input.role) ctx.realtime.disconnect(rooms.user(id));
    return saved;
  }

  async function resetPassword(id: number, newPassword: string, actor: StaffActor): Promise<UserAdmin> {
    const hash = await hashPassword(newPassword);
    const saved = db.transaction(() => {
      const user = repos.users.byId(id) ?? fail('NOT_FOUND');
      repos.users.setPassword(id, hash, true);
      repos.users.deleteSessionsOf(id);
      throttle.unlock(throttleKey(user.username));
      audit(actor, 'admin.user_password_reset', 'user', id);
      return userAdmin(id);
    })();
    ctx.realtime.disconnect(rooms.user(id));
    return saved;
  }

  /** Lets a username sign in again at once from every address (its wrong-password waits are cleared); audited. */
  function unlockUser(id: number, actor: StaffActor): UserAdmin {
    return db.transaction(() => {
      const user = repos.users.byId(id) ?? fail('NOT_FOUND');
      const addresses = throttle.unlock(throttleKey(user.username));
      audit(actor, 'admin.user_unlock', 'user', id, { addresses });
      return userAdmin(id);
    })();
  }

  return {
    saveSettings,
    services: () => repos.catalog.services().map(toServiceAdmin),
    saveService,
    counters: () => repos.catalog.allCounters().map(counterAdmin),
    saveCounter,
    users: () => {
      const blocked = throttle.blockedNames();
      return repos.users.list().map((u) => toUserAdmin(u, blocked));
    },
    createUser,
    updateUser,
    resetPassword,
    unlockUser,
  };
}

export type AdminService = ReturnType<typeof adminService>;
