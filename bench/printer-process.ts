// A child process of `npm run bench`: the loopback ESC/POS printer of the printing tests (server/test/printing/
// fake-printer.ts), answering status queries, alone in its process. Tells its port over IPC; `wait { n }` answers
// `job { at, bytes, total }` when the n-th job has arrived (`at`: epoch ms), or `at: NaN` after `timeoutMs` (10 s).
// `--delay=ms`: every answer comes that late, as from a printer busy printing (0: at once).
import { startFakePrinter } from '../server/test/printing/fake-printer';

type Msg = { type: 'wait'; n: number; timeoutMs?: number } | { type: 'close' };

const printer = await startFakePrinter();
printer.setDelay(Number(process.argv.find((a) => a.startsWith('--delay='))?.slice(8) ?? 0));
process.send?.({ type: 'ready', port: printer.port, address: printer.address });
process.on('disconnect', () => process.exit(0)); // the bench process is gone
process.on('message', (msg: Msg) => {
  if (msg.type === 'close') void printer.close().then(() => process.exit(0));
  else {
    const { n, timeoutMs = 10_000 } = msg;
    void printer.waitForJobs(n, timeoutMs).then(
      () => {
        const job = printer.jobs[n - 1];
        process.send?.({ type: 'job', at: performance.timeOrigin + (job?.receivedAt ?? Number.NaN), bytes: job?.bytes.length ?? 0, total: printer.jobs.length });
      },
      () => process.send?.({ type: 'job', at: Number.NaN, bytes: 0, total: printer.jobs.length }),
    );
  }
});
