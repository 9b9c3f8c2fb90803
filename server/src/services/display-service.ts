import { rooms } from '@shared/rooms';
import { DEFAULT_DISPLAY, type DisplayConfig, type DisplayInput } from '@shared/schemas/display';
import { fail } from '../errors';
import type { StaffActor } from '../repositories/audit-repository';
import { displaysRepository, type DisplayRow } from '../repositories/displays-repository';
import type { ServiceContext } from './context';

/** A stored row as the screens see it; settings added after it was saved take their defaults. */
function toConfig(row: DisplayRow): DisplayConfig {
  const data = JSON.parse(row.data) as Partial<DisplayInput>;
  return { ...DEFAULT_DISPLAY, ...data, name: row.name, id: row.id, updatedAt: new Date(row.updated_at).toISOString() };
}

/**
 * Wall display configurations (layout, filters, voice, marquee, idle slides). Admin changes are audited and
 * pushed to the screens (`display:updated` / `display:removed`), which apply them without a reload.
 */
export function displayService(ctx: ServiceContext) {
  const { db, repos } = ctx;
  const displays = displaysRepository(db);

  function check(input: DisplayInput): void {
    if (!input.template.includes('{number}')) fail('VALIDATION_FAILED', { field: 'template', message: 'Câu đọc phải có {number} (số thứ tự).' });
    if (input.layout === 'counter' && input.counterIds.length === 0) fail('VALIDATION_FAILED', { field: 'counterIds', message: 'Chọn quầy cho màn hình đặt tại quầy.' });
    const counterIds = new Set(repos.catalog.allCounters().map((c) => c.id));
    if (input.counterIds.some((id) => !counterIds.has(id))) fail('COUNTER_NOT_FOUND');
    if (input.serviceIds.some((id) => !repos.catalog.serviceById(id))) fail('SERVICE_NOT_FOUND');
  }

  function get(id: number): DisplayConfig {
    const row = displays.byId(id);
    return row ? toConfig(row) : fail('NOT_FOUND');
  }

  function save(id: number | null, input: DisplayInput, actor: StaffActor): DisplayConfig {
    const saved = db.transaction(() => {
      check(input);
      const { name, ...rest } = input;
      const now = ctx.now();
      let displayId = id;
      if (displayId === null) displayId = displays.insert(name, JSON.stringify(rest), now);
      else if (!displays.update(displayId, name, JSON.stringify(rest), now)) fail('NOT_FOUND');
      repos.audit.write(now, actor, { action: id === null ? 'admin.display_create' : 'admin.display_update', targetType: 'display', targetId: displayId, details: input });
      return get(displayId);
    })();
    ctx.realtime.emit(rooms.office(), 'display:updated', { display: saved });
    return saved;
  }

  function remove(id: number, actor: StaffActor): void {
    db.transaction(() => {
      if (!displays.remove(id)) fail('NOT_FOUND');
      repos.audit.write(ctx.now(), actor, { action: 'admin.display_delete', targetType: 'display', targetId: id });
    })();
    ctx.realtime.emit(rooms.office(), 'display:removed', { id });
  }

  return { list: (): DisplayConfig[] => displays.list().map(toConfig), get, save, remove };
}

export type DisplayService = ReturnType<typeof displayService>;
