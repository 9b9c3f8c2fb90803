import { createTestingPinia } from '@pinia/testing';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DataSubjectExport } from '@shared/schemas/privacy';
import { createCounterI18n } from '../../../i18n';
import { useDataSubjectStore } from './data-subject-store';
import DataRequestsSection from './DataRequestsSection.vue';

const applicant = { name: 'Trần Thị Hồng Nhung', idNumber: '001190012345', phone: '0912 345 678', address: 'Số 5 ngõ 12', email: 'nhung@example.vn', organization: '', representative: '' };
const exportData = (): DataSubjectExport =>
  ({
    idNumber: '001190012345',
    generatedAt: '2026-11-23T02:00:00.000Z',
    officeName: 'UBND phường Hòa Bình',
    dossiers: [{ id: 7, code: '000.00.06.H56-261123-0007', procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân', status: 'received', receivedAt: '2026-11-23T02:00:00.000Z', applicant }],
    tickets: [{ dossierCode: '000.00.06.H56-261123-0007', number: 'A001', serviceName: 'Hộ tịch', issuedAt: '2026-11-23T01:50:00.000Z', priorityGroup: 'pregnant', rating: null }],
    accessLog: [{ id: 1, at: '2026-11-23T02:05:00.000Z', userId: 3, userName: 'Nguyễn Văn An', ip: null, dossierId: 7, dossierCode: '000.00.06.H56-261123-0007', kind: 'view', fields: 'applicant' }],
  }) as unknown as DataSubjectExport;

const reply = (status: number, body: unknown) => Promise.resolve(new Response(status === 204 ? null : JSON.stringify(body), { status }));

function mountSection() {
  const wrapper = mount(DataRequestsSection, { global: { plugins: [createCounterI18n(), createTestingPinia({ createSpy: vi.fn, stubActions: false })] } });
  return { wrapper, store: useDataSubjectStore() };
}

afterEach(() => vi.unstubAllGlobals());

describe('DataRequestsSection (Yêu cầu của công dân)', () => {
  it('finds everything held about an ID number and shows it in Vietnamese', async () => {
    const fetchMock = vi.fn((_url: string) => reply(200, exportData()));
    vi.stubGlobal('fetch', fetchMock);
    const { wrapper } = mountSection();
    await wrapper.get('[data-testid="subject-id"]').setValue(' 001190012345 ');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/admin/data-subjects/001190012345');
    const result = wrapper.get('[data-testid="subject-result"]');
    expect(result.text()).toContain('Dữ liệu cá nhân của số định danh 001190012345');
    expect(result.get('[data-field="email"]').text()).toBe('nhung@example.vn');
    expect(wrapper.get('[data-testid="subject-tickets"]').text()).toContain('A001 · Hộ tịch');
    expect(wrapper.get('[data-testid="subject-tickets"]').text()).toContain('Phụ nữ có thai');
    expect(wrapper.get('[data-testid="subject-reads"]').text()).toContain('Nguyễn Văn An');
  });

  it('says when nothing is held, corrects with a reason, and shows what erasure kept and why', async () => {
    vi.stubGlobal('fetch', vi.fn(() => reply(404, { code: 'DATA_SUBJECT_NOT_FOUND', message: 'x' })));
    const { wrapper } = mountSection();
    await wrapper.get('[data-testid="subject-id"]').setValue('999');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="subject-none"]').text()).toBe('Hệ thống không lưu dữ liệu nào của số định danh này.');

    const calls: [string, RequestInit | undefined][] = [];
    vi.stubGlobal('fetch', vi.fn((url: string, init?: RequestInit) => {
      calls.push([url, init]);
      if (init?.method === 'PUT') return reply(204, null);
      if (url.endsWith('/erase')) return reply(409, { code: 'RECORD_MUST_BE_KEPT', message: 'x', details: { kept: [{ code: '000.00.06.H56-261123-0007', reason: 'Hồ sơ được ghi trong Sổ theo dõi hồ sơ' }] } });
      return reply(200, exportData());
    }));
    await wrapper.get('[data-testid="subject-id"]').setValue('001190012345');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    await wrapper.get('[data-testid="subject-edit-000.00.06.H56-261123-0007"]').trigger('click');
    await wrapper.get('[data-testid="applicant-edit-address"]').setValue('Số 7 ngõ 12');
    await wrapper.get('[data-testid="applicant-edit-save"]').trigger('submit');
    expect(wrapper.get('[data-testid="applicant-edit-error"]').text()).toContain('lý do');
    await wrapper.get('[data-testid="applicant-edit-reason"]').setValue('Công dân báo sai số nhà');
    await wrapper.get('[data-testid="applicant-editor"]').trigger('submit');
    await flushPromises();
    const put = calls.find(([, i]) => i?.method === 'PUT');
    expect(put?.[0]).toBe('/api/admin/dossiers/7/applicant');
    expect(JSON.parse(String(put?.[1]?.body))).toEqual({ applicant: { ...applicant, address: 'Số 7 ngõ 12' }, reason: 'Công dân báo sai số nhà' });

    await wrapper.get('[data-testid="subject-erase"]').trigger('click');
    await wrapper.get('[data-testid="subject-erase-yes"]').trigger('click');
    await flushPromises();
    const outcome = wrapper.get('[data-testid="subject-erase-result"]').text();
    expect(outcome).toContain('Không thể xóa: hồ sơ phải được lưu theo quy định');
    expect(outcome).toContain('000.00.06.H56-261123-0007: Hồ sơ được ghi trong Sổ theo dõi hồ sơ');
  });
});
