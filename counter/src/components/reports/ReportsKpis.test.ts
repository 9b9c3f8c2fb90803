import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { QueueFigures } from '@shared/schemas/report';
import { createCounterI18n } from '../../i18n';
import ReportsKpis from './ReportsKpis.vue';

const figures = (over: Partial<QueueFigures> = {}): QueueFigures => ({
  tickets: 249,
  served: 210,
  noShow: 15,
  cancelled: 16,
  open: 8,
  transferred: 15,
  priority: 60,
  servedRate: 84.3,
  noShowRate: 6,
  transferRate: 6,
  wait: { count: 230, avg: 5.8, median: 6, p90: 10 },
  service: { count: 210, avg: 6.1, median: 6, p90: 7 },
  ...over,
});

describe('ReportsKpis', () => {
  it('shows each figure with the previous period and the change, a longer wait as bad news', () => {
    const previous = figures({ tickets: 240, noShowRate: 6.3, wait: { count: 220, avg: 5.6, median: 6, p90: 10 } });
    const wrapper = mount(ReportsKpis, { props: { totals: figures(), previous }, global: { plugins: [createCounterI18n()] } });
    const tickets = wrapper.get('[data-testid="kpi-tickets"]');
    expect(tickets.text()).toContain('249');
    expect(tickets.text()).toContain('tăng 3,8%');
    expect(tickets.text()).toContain('Kỳ trước: 240');
    const wait = wrapper.get('[data-testid="kpi-waitAvg"]');
    expect(wait.text()).toContain('5,8 phút');
    expect(wait.get('.change').classes()).toContain('bad');
    expect(wrapper.get('[data-testid="kpi-noShowRate"] .change').classes()).toContain('good');
    expect(wrapper.get('[data-testid="kpi-waitP90"]').text()).toContain('bằng kỳ trước');
  });
  it('says when the previous period has no figures', () => {
    const empty = figures({ tickets: 0, served: 0, noShowRate: null, transferRate: null, wait: { count: 0, avg: null, median: null, p90: null } });
    const wrapper = mount(ReportsKpis, { props: { totals: figures(), previous: empty }, global: { plugins: [createCounterI18n()] } });
    expect(wrapper.get('[data-testid="kpi-tickets"]').text()).toContain('kỳ trước chưa có số liệu');
    expect(wrapper.get('[data-testid="kpi-waitAvg"]').text()).toContain('Kỳ trước: —');
  });
});
