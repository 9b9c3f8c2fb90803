import type { AppointmentAdmin, AppointmentBlock, AppointmentBlockBody, AppointmentRule, AppointmentSettings } from '@shared/schemas/appointment';
import { fail } from '../errors';
import type { StaffActor } from '../repositories/audit-repository';
import { appointmentRules } from './appointment-rules';
import type { ServiceContext } from './context';

/** The office's booking rules per service and its booking settings (admin), and staff blocks of days and slots. */
export function appointmentAdminService(ctx: ServiceContext) {
  const { repos, db } = ctx;
  const rules = appointmentRules(ctx);

  function all(): AppointmentAdmin {
    return {
      settings: rules.settings(),
      rules: repos.catalog.services().map((s) => ({ serviceId: s.id, nameVi: s.name_vi, rule: rules.rule(s.id) })),
    };
  }

  function putRule(serviceId: number, rule: AppointmentRule, actor: StaffActor): AppointmentRule {
    db.transaction(() => {
      if (!repos.catalog.serviceById(serviceId)) fail('SERVICE_NOT_FOUND');
      repos.appointments.putRule(serviceId, rule);
      repos.audit.write(ctx.now(), actor, { action: 'appointment.rule', targetType: 'service', targetId: serviceId, details: rule });
    })();
    return rules.rule(serviceId);
  }

  function putSettings(next: AppointmentSettings, actor: StaffActor): AppointmentSettings {
    db.transaction(() => {
      repos.settings.write('appointments', next);
      repos.audit.write(ctx.now(), actor, { action: 'appointment.settings', details: next });
    })();
    return rules.settings();
  }

  const toBlock = (b: { id: number; service_id: number | null; date: string; start: string | null; reason: string }): AppointmentBlock => ({
    id: b.id,
    serviceId: b.service_id,
    date: b.date,
    start: b.start,
    reason: b.reason,
  });

  /** Blocks from today on. */
  const blocks = (): AppointmentBlock[] => repos.appointments.blocksFrom(rules.dayOf(ctx.now())).map(toBlock);

  /** Blocks a day or a slot (existing bookings stay: staff cancel them one by one, with a reason the citizen sees). */
  function block(body: AppointmentBlockBody, actor: StaffActor): AppointmentBlock {
    return db.transaction((): AppointmentBlock => {
      if (body.serviceId !== null && !repos.catalog.serviceById(body.serviceId)) fail('SERVICE_NOT_FOUND');
      const at = ctx.now();
      const id = repos.appointments.insertBlock({ service_id: body.serviceId, date: body.date, start: body.start, reason: body.reason, by: actor.userId, at });
      repos.audit.write(at, actor, { action: 'appointment.block', targetType: 'appointment_block', targetId: id, details: body });
      return { id, ...body };
    })();
  }

  function unblock(id: number, actor: StaffActor): void {
    db.transaction(() => {
      if (!repos.appointments.deleteBlock(id)) fail('NOT_FOUND');
      repos.audit.write(ctx.now(), actor, { action: 'appointment.unblock', targetType: 'appointment_block', targetId: id });
    })();
  }

  return { all, putRule, putSettings, blocks, block, unblock };
}
export type AppointmentAdminService = ReturnType<typeof appointmentAdminService>;
