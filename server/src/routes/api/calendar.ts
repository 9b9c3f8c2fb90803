import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Allow } from '@shared/access';
import { CalendarDateParamsSchema, CalendarDayBodySchema, CalendarDaySchema, CalendarQuerySchema, CalendarYearSchema } from '@shared/schemas/dossier';
import { actorOf } from '../../plugins/auth';
import { ERROR_RESPONSES, NoContentSchema } from '../schemas';

/** The office calendar for appointment dates: generated holidays (read by staff), overrides (edited by the admin). */
const calendar: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['calendar'];
  app.get(
    '/calendar',
    { config: { allow: Allow.staff }, schema: { tags, summary: 'A year: generated public holidays and the office overrides', querystring: CalendarQuerySchema, response: { 200: CalendarYearSchema, ...ERROR_RESPONSES } } },
    async (request) => app.hub.calendar.year(request.query.year),
  );
  app.put(
    '/admin/calendar/:date',
    {
      config: { allow: Allow.admin },
      schema: { tags, summary: 'Mark a day as a day off (compensatory, Tết decision) or a working day (make-up Saturday)', params: CalendarDateParamsSchema, body: CalendarDayBodySchema, response: { 200: CalendarDaySchema, ...ERROR_RESPONSES } },
    },
    async (request) => app.hub.calendar.put({ date: request.params.date, ...request.body }, actorOf(request)),
  );
  app.delete(
    '/admin/calendar/:date',
    { config: { allow: Allow.admin }, schema: { tags, summary: 'Remove an override (back to the generated default)', params: CalendarDateParamsSchema, response: { 204: NoContentSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      app.hub.calendar.remove(request.params.date, actorOf(request));
      return reply.code(204).send(null);
    },
  );
};
export default calendar;
