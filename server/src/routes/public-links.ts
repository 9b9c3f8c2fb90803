import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { IdParamsSchema } from '@shared/schemas/common';
import { DossierCodeParamsSchema, DossierLinkParamsSchema } from '@shared/schemas/dossier';
import { TrackParamsSchema } from '@shared/schemas/track';
import { ERROR_RESPONSES } from './schemas';

/** Where the citizen phone pages live (built by vite: kiosk/phone/index.html, hash routes so static serving works). */
export const PHONE_APP = '/kiosk/phone/';

const RedirectSchema = Type.Null({ description: 'Redirect (302) to the phone page' });

/**
 * Short ASCII links printed as QR codes on kiosks, tickets and listings: each redirects (302) to a page of the phone
 * app. Short, because a short URL makes a QR code coarse enough for a cheap phone camera and a thermal printer.
 * One line per link; ticket tracking (/t/:trackingId) and dossier status (/h/:code) belong here too.
 */
const publicLinks: FastifyPluginAsyncTypebox = async (app) => {
  const config = { allow: Allow.everyone };
  const tags = ['public links'];
  app.get(
    '/tra-cuu',
    { config, schema: { tags, summary: 'Procedure listing on a phone', response: { 302: RedirectSchema, ...ERROR_RESPONSES } } },
    async (_request, reply) => reply.redirect(`${PHONE_APP}#/`, 302),
  );
  app.get(
    '/tra-cuu/:id',
    { config, schema: { tags, summary: 'One procedure\'s listing on a phone', params: IdParamsSchema, response: { 302: RedirectSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => reply.redirect(`${PHONE_APP}#/thu-tuc/${request.params.id}`, 302),
  );
  app.get(
    '/t/:trackingId',
    { config, schema: { tags, summary: 'A ticket\'s live tracking page (the QR printed on the ticket)', params: TrackParamsSchema, response: { 302: RedirectSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => reply.redirect(`${PHONE_APP}#/ve/${request.params.trackingId}`, 302),
  );
  app.get(
    '/h/:code',
    { config, schema: { tags, summary: 'A dossier\'s public status page (the QR printed on the receipt, Mẫu 01)', params: DossierCodeParamsSchema, response: { 302: RedirectSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => reply.redirect(`${PHONE_APP}#/ho-so/${encodeURIComponent(request.params.code)}`, 302),
  );
  app.get(
    '/h/:code/:check',
    { config, schema: { tags, summary: 'A dossier\'s public status page with its check code (the QR on receipts printed since the check code)', params: DossierLinkParamsSchema, response: { 302: RedirectSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => reply.redirect(`${PHONE_APP}#/ho-so/${encodeURIComponent(request.params.code)}/${encodeURIComponent(request.params.check)}`, 302),
  );
};
export default publicLinks;
