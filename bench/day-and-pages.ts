// Two bench sections that check more than speed: the simulated busy day (invariants, and the queue report's totals
// against raw counts) and the gzip weight of every built page.
import type { QueueReport } from '../shared/schemas/report';
import { PAGE_TARGETS_KB, pageWeights } from './bundles';
import { simulateBusyDay } from '../server/test/simulation/busy-day';
import { f1 } from './lib';

type Out = (s?: string) => void;

const mark = (ok: boolean) => (ok ? 'yes' : '**NO**');

/** 2,000 tickets (500 with --quick) through the real routes; then the report for the day must equal the raw counts. */
export async function benchBusyDay(out: Out, quick: boolean): Promise<void> {
  const day = await simulateBusyDay(quick ? 500 : 2_000);
  try {
    const res = await day.app.inject({ method: 'GET', url: '/api/reports/queue?from=2026-11-23&to=2026-11-23&groupBy=hour', headers: { cookie: day.cookie } });
    if (res.statusCode !== 200) throw new Error(`queue report answered ${res.statusCode}: ${res.body}`);
    const totals = (res.json() as QueueReport).totals;
    const rows: [string, number, number][] = [
      ['tickets issued', day.tickets, totals.tickets],
      ['served', day.served, totals.served],
      ['no-show', day.noShows, totals.noShow],
      ['transferred (at least once)', day.transferredTickets, totals.transferred],
      ['cancelled at day end', day.cancelledAtDayEnd, totals.cancelled],
      ['still open', day.notFinal, totals.open],
    ];
    out('## Simulated busy day');
    out();
    out(
      `${day.tickets} tickets on 15 counters, 07:30–17:00 on an accelerated clock, ${day.commands} commands through the real ` +
        `routes (${f1(day.wallSeconds)} s). This section checks correctness, not speed: the accelerated clock needs the hub ` +
        `in the bench process, driven with \`app.inject\`, so no figure of it is a speed figure.`,
    );
    out();
    out('| figure | raw count (tickets table / simulation) | queue report total | equal |');
    out('|---|---|---|---|');
    for (const [name, raw, report] of rows) out(`| ${name} | ${raw} | ${report} | ${mark(raw === report)} |`);
    out();
    out(`Invariants: duplicate numbers ${day.duplicateNumbers} (must be 0), tickets left non-final after the day closed ${day.notFinal} (must be 0).`);
    out();
  } finally {
    await day.close();
  }
}

/** What each page loads before it can render, gzip; targets from quality.md. */
export function benchBundles(out: Out): void {
  out('## Page weight (gzip, what a page loads before it renders)');
  out();
  out('| page | JS KB | CSS KB | files | target JS KB | within |');
  out('|---|---|---|---|---|---|');
  for (const p of pageWeights().filter((w) => w.files > 0)) {
    const target = PAGE_TARGETS_KB[p.page];
    const js = p.jsGzip / 1024;
    out(`| ${p.page} | ${f1(js)} | ${f1(p.cssGzip / 1024)} | ${p.files} | ${target ?? '–'} | ${target === undefined ? '–' : mark(js < target)} |`);
  }
  out();
  out('Lazy chunks (reports charts, admin sections) load only when opened and are not counted.');
  out();
}
