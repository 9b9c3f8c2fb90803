import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { PAPER_DOTS, PrintPageQuerySchema, type PaperWidth } from '@shared/schemas/printer';
import { TrackParamsSchema } from '@shared/schemas/track';
import { fail } from '../../errors';
import { renderTicketPng } from '../../printing/ticket-renderer';
import { ERROR_RESPONSES } from '../schemas';

const tags = ['printing'];
/** Dots per millimetre of a 203 dpi thermal head: the page prints the image at the size the head would. */
const DOTS_PER_MM = 8;

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The ticket as a page for a kiosk whose printer hangs on its own PC (printer address `browser`): the same image a
 * thermal printer gets (QR drawn in), on a page exactly as wide as the paper, printed silently by Chromium started
 * with `--kiosk-printing`. Public by the ticket's unguessable tracking id, like the tracking page.
 */
const printPage: FastifyPluginAsyncTypebox = async (app) => {
  const service = app.printing;
  const widthFor = (deviceId: number | null, asked?: PaperWidth): PaperWidth => asked ?? service.printerFor(deviceId)?.paper_width ?? 80;

  app.get(
    '/print-page/:trackingId',
    {
      config: { allow: Allow.everyone },
      schema: { tags, summary: "A ticket of today as a printable page the width of the paper (the kiosk's browser printer)", params: TrackParamsSchema, querystring: PrintPageQuerySchema, produces: ['text/html'], response: { 200: Type.String(), ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      const ticket = service.pagePrint(request.params.trackingId) ?? fail('TICKET_NOT_FOUND');
      const width = widthFor(request.principal.device?.id ?? null, request.query.width);
      const image = await renderTicketPng(ticket, { paperWidth: width, layout: service.layout(), logo: service.logo() });
      const printable = PAPER_DOTS[width] / DOTS_PER_MM;
      const side = (width - printable) / 2;
      const height = Math.ceil(image.height / DOTS_PER_MM) + 2 * side;
      const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Phiếu số ${escape(ticket.number)}</title>
<style>
@page { size: ${width}mm ${height}mm; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; }
img { display: block; width: ${printable}mm; margin: ${side}mm; image-rendering: pixelated; }
</style></head>
<body><img src="${escape(request.params.trackingId)}/ticket.png?width=${width}" alt="Phiếu số thứ tự ${escape(ticket.number)}"></body></html>`;
      // Framed by the kiosk's own page (the office-wide policy allows no frames): same origin only, nothing runs.
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'")
        .header('x-frame-options', 'SAMEORIGIN')
        .send(html);
    },
  );
  app.get(
    '/print-page/:trackingId/ticket.png',
    {
      config: { allow: Allow.everyone },
      schema: { tags, summary: 'The image of the print page', params: TrackParamsSchema, querystring: PrintPageQuerySchema, produces: ['image/png'] },
    },
    async (request, reply) => {
      const ticket = service.pagePrint(request.params.trackingId) ?? fail('TICKET_NOT_FOUND');
      const width = widthFor(request.principal.device?.id ?? null, request.query.width);
      const image = await renderTicketPng(ticket, { paperWidth: width, layout: service.layout(), logo: service.logo() });
      return reply.type('image/png').header('cache-control', 'no-store').send(image.png);
    },
  );
};
export default printPage;
