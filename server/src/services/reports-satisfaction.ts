import { RATING_LEVELS, RATING_LEVEL_LABELS, SCALE_LEVELS, type RatingLevel } from '@shared/rating';
import { previousPeriod, type SatisfactionFigures, type SatisfactionReport, type SatisfactionRow } from '@shared/schemas/report';
import { rate } from '../domain/percentiles';
import { ratingsRepository, type RatingGroup } from '../repositories/ratings-repository';
import { reportsRepository } from '../repositories/reports-repository';
import { checkPeriod, NOT_SERVED_LABEL } from './reports-common';
import type { ServiceContext } from './context';
import type { QueueService } from './queue-service';
import { table, type ExportColumn, type ExportDocument } from './reports-export';
import { periodText } from './reports-documents';

const EMPTY: RatingGroup = { key: null, total: 0, averageScore: 0, levels: Object.fromEntries(RATING_LEVELS.map((l) => [l, 0])) as Record<RatingLevel, number> };

/** Sums groups into one (the whole unit). */
function sum(groups: RatingGroup[]): RatingGroup {
  const total = groups.reduce((a, g) => a + g.total, 0);
  const scoreSum = groups.reduce((a, g) => a + g.averageScore * g.total, 0);
  const levels = Object.fromEntries(RATING_LEVELS.map((l) => [l, groups.reduce((a, g) => a + (g.levels[l] ?? 0), 0)])) as Record<RatingLevel, number>;
  return { key: null, total, averageScore: total === 0 ? 0 : scoreSum / total, levels };
}

function figures(g: RatingGroup): SatisfactionFigures {
  return {
    total: g.total,
    averageScore: g.total === 0 ? null : Math.round(g.averageScore * 100) / 100,
    counts: { ...g.levels },
    percents: Object.fromEntries(RATING_LEVELS.map((l) => [l, rate(g.levels[l] ?? 0, g.total)])),
    satisfiedRate: rate((g.levels.very_satisfied ?? 0) + (g.levels.satisfied ?? 0), g.total),
  };
}

/** Citizen satisfaction per unit, per receiving officer and per service over a period (ratings of issue 8). */
export function satisfactionReports(ctx: ServiceContext, queue: QueueService) {
  const ratings = ratingsRepository(ctx.db);
  const reports = reportsRepository(ctx.db);

  function satisfactionReport(from: string, to: string): SatisfactionReport {
    const period = checkPeriod(from, to);
    const previous = previousPeriod(from, to);
    const byStaff = ratings.summary('staff', period);
    const byService = ratings.summary('service', period);
    const totals = sum(byService);
    const scale = queue.settings().ratingScale;
    const levels = RATING_LEVELS.filter((l) => SCALE_LEVELS[scale].includes(l) || (totals.levels[l] ?? 0) > 0);
    const staffNames = reports.staffNames();
    const services = new Map(ctx.repos.catalog.services().map((s) => [s.id, `${s.prefix} – ${s.name_vi}`]));
    const row = (g: RatingGroup, label: string): SatisfactionRow => ({ key: g.key === null ? '' : String(g.key), label, ...figures(g) });
    return {
      officeName: queue.settings().name,
      period,
      previousPeriod: previous,
      levels,
      totals: figures(totals.total ? totals : EMPTY),
      previousTotals: figures(sum(ratings.summary('service', previous))),
      byStaff: byStaff.map((g) => row(g, g.key === null ? NOT_SERVED_LABEL : (staffNames.get(Number(g.key)) ?? `#${g.key}`))),
      byService: byService.map((g) => row(g, services.get(Number(g.key)) ?? `#${g.key}`)),
      generatedAt: new Date(ctx.now()).toISOString(),
    };
  }

  return { satisfactionReport };
}

/** The satisfaction report as an exportable document: per officer, per service, each with the unit's total. */
export function satisfactionDocument(r: SatisfactionReport): ExportDocument {
  const levelColumns = (r.levels as RatingLevel[]).flatMap((l): ExportColumn<SatisfactionRow>[] => [
    { header: `${RATING_LEVEL_LABELS[l].vi} (số lượng)`, value: (x) => x.counts[l] ?? 0, width: 12 },
    { header: `${RATING_LEVEL_LABELS[l].vi} (%)`, value: (x) => x.percents[l] ?? null, width: 10 },
  ]);
  const figureColumns: ExportColumn<SatisfactionRow>[] = [
    { header: 'Tổng số đánh giá', value: (x) => x.total, width: 11 },
    ...levelColumns,
    { header: 'Tỷ lệ hài lòng (%)', value: (x) => x.satisfiedRate, width: 11 },
    { header: 'Điểm trung bình (1–5)', value: (x) => x.averageScore, width: 11 },
  ];
  const total: SatisfactionRow = { key: 'total', label: 'Toàn đơn vị', ...r.totals };
  return {
    title: 'BÁO CÁO KẾT QUẢ ĐÁNH GIÁ SỰ HÀI LÒNG',
    subtitle: [r.officeName, `Kỳ báo cáo: ${periodText(r.period)}`],
    tables: [
      table({ sheet: 'Theo cán bộ', columns: [{ header: 'Cán bộ tiếp nhận', value: (x) => x.label, width: 28 }, ...figureColumns], rows: r.byStaff, total }),
      table({ sheet: 'Theo dịch vụ', columns: [{ header: 'Dịch vụ', value: (x) => x.label, width: 30 }, ...figureColumns], rows: r.byService, total }),
    ],
  };
}

/** "Báo cáo đánh giá sự hài lòng 01-11-2026 đến 30-11-2026". */
export const satisfactionFileName = (r: SatisfactionReport): string =>
  `Báo cáo đánh giá sự hài lòng ${periodText(r.period).replace(/\//g, '-').replace(' – ', ' đến ')}`;
