// The bare baselines of `npm run bench`, each run alone in its own process (forked by bench/procs.ts), so a baseline and
// the hub are measured the same way: load from another process, nothing else on the server's event loop.
//   --mode=insert     POST /insert: a bare Fastify route doing one durable better-sqlite3 insert (WAL, synchronous=FULL)
//   --mode=broadcast  a bare Socket.IO server (the hub's options); POST /emit { event, payload, room? } broadcasts;
//                     POST /keep stores a body that GET /kept returns as is (the snapshot's bytes without building them)
//   --mode=print      POST /print: one durable insert, then one TCP write of a ticket rendered at start-up to --printer
// Prints nothing; tells the parent its URL over IPC.
import { connect } from 'node:net';
import { join } from 'node:path';
import Fastify from 'fastify';
import { Server } from 'socket.io';
import { DEFAULT_TICKET_LAYOUT } from '../shared/schemas/printer';
import { encodeTicket, statusQuery } from '../server/src/printing/escpos';
import { renderTicket } from '../server/src/printing/ticket-renderer';
import { openBareTable } from './bare-table';
import { SAMPLE_TICKET } from './sample-ticket';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const mode = arg('mode') ?? 'insert';
const dir = arg('dir') ?? '.';

const durableInsert = (): (() => number) => openBareTable(join(dir, `bare-${mode}.db`)).insert;

async function main(): Promise<void> {
  const app = Fastify({ logger: false, bodyLimit: 64 * 2 ** 20 });
  if (mode === 'insert') {
    const insert = durableInsert();
    app.post('/insert', async (req) => ({ id: insert(), serviceId: (req.body as { serviceId: number }).serviceId }));
  }
  if (mode === 'print') {
    const insert = durableInsert();
    const port = Number(arg('printer'));
    const bytes = Buffer.concat([
      encodeTicket('epson', await renderTicket(SAMPLE_TICKET, { paperWidth: 80, layout: DEFAULT_TICKET_LAYOUT, qrMode: 'native' })),
      statusQuery(2),
    ]);
    app.post('/print', async () => {
      const id = insert();
      const socket = connect({ host: '127.0.0.1', port });
      socket.on('error', () => undefined);
      socket.end(bytes);
      return { id };
    });
  }
  if (mode === 'broadcast') {
    const io = new Server(app.server, { serveClient: false, perMessageDeflate: false });
    io.on('connection', (s) => void s.join(String(s.handshake.auth.room ?? 'all')));
    app.post('/emit', async (req) => {
      const { event, payload, room } = req.body as { event: string; payload: unknown; room?: string };
      (room ? io.to(room) : io).emit(event, payload);
      return { ok: true };
    });
    let kept = '{}';
    app.post('/keep', async (req) => ((kept = JSON.stringify(req.body)), { ok: true }));
    app.get('/kept', async (_req, reply) => reply.type('application/json').send(kept));
  }
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  process.send?.({ url });
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
  process.on('disconnect', () => process.exit(0)); // the bench process is gone
}

main().catch((err: unknown) => {
  process.stderr.write(`bare server failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
