import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import type { AdminProcedureSummary } from '@shared/schemas/procedure';
import { demoFields } from '@ui/testing/procedure-fixtures';
import { createCounterI18n } from '../../../i18n';
import { useCatalogAdminStore } from './catalog-admin-store';
import CatalogSection from './CatalogSection.vue';
import FieldsPanel from './FieldsPanel.vue';
import ImportDialog from './ImportDialog.vue';
import RowsEditor from './RowsEditor.vue';

enableAutoUnmount(afterEach);
afterEach(() => vi.unstubAllGlobals());

const summary = (id: number, code: string, name: string, fieldId: number, active = true): AdminProcedureSummary => ({
  id,
  code,
  name,
  fieldId,
  processingTime: '03 ngày làm việc',
  serviceId: null,
  localSuffix: '',
  active,
  updatedAt: '2026-11-01T00:00:00.000Z',
});

/** A hub answering the catalog's loads with `procedures`, and each other path with `replies[path]`. */
function stubHub(procedures: AdminProcedureSummary[], replies: Record<string, { status: number; body: unknown }> = {}) {
  const fetchMock = vi.fn((path: string) => {
    const bare = path.split('?')[0] ?? path;
    const reply =
      replies[bare] ??
      { status: 200, body: bare === '/api/admin/procedures' ? procedures : bare === '/api/fields' ? demoFields() : [] };
    return Promise.resolve(new Response(JSON.stringify(reply.body), { status: reply.status }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const plugins = () => [createCounterI18n(), createTestingPinia({ createSpy: vi.fn, stubActions: false, initialState: { admin: { services: [{ id: 1 }] } } })];

describe('CatalogSection', () => {
  it('lists procedures in force, finds them typed without accents, and shows retired ones on request', async () => {
    const [cthuc, htich] = demoFields();
    stubHub([
      summary(2, '2.000815', 'Chứng thực bản sao từ bản chính', cthuc!.id),
      summary(1, '1.001193', 'Đăng ký khai sinh', htich!.id),
      summary(3, '1.000001', 'Đăng ký khai tử cũ', htich!.id, false),
    ]);
    const wrapper = mount(CatalogSection, { global: { plugins: plugins() } });
    await flushPromises();
    const codes = () => wrapper.findAll('[data-testid="procedures-table-row"] [data-col="code"]').map((c) => c.text());
    expect(codes()).toEqual(['1.001193', '2.000815']);
    await wrapper.get('[data-testid="catalog-search"]').setValue('DANG KY');
    expect(codes()).toEqual(['1.001193']);
    await wrapper.get('[data-testid="catalog-show-retired"]').setValue(true);
    expect(codes()).toEqual(['1.001193', '1.000001']);
    expect(wrapper.get('[data-testid="catalog-count"]').text()).toBe('2/3 thủ tục');
    expect(wrapper.get('[data-testid="catalog-export"]').findAll('a').map((a) => a.attributes('href'))).toContain('/api/admin/catalog/export?format=xlsx');
  });
});

describe('ImportDialog', () => {
  it('sends the workbook raw and lists the refused rows by sheet, row and column', async () => {
    const fetchMock = stubHub([], {
      '/api/admin/catalog/import/xlsx': {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: 'x',
          details: { errorCount: 1, errors: [{ sheet: 'documents', row: 7, column: 'Số bản sao', message: 'Phải là số nguyên.' }] },
        },
      },
    });
    const wrapper = mount(ImportDialog, { global: { plugins: plugins() }, attachTo: document.body });
    const input = wrapper.get('[data-testid="import-file-file"]');
    Object.defineProperty(input.element, 'files', { value: [new File(['PK'], 'danh-muc.xlsx')] });
    await input.trigger('change');
    await wrapper.get('[data-testid="import-skip-invalid"]').setValue(true);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const [url, init] = fetchMock.mock.calls.find(([p]) => String(p).startsWith('/api/admin/catalog/import/xlsx')) as unknown as [string, RequestInit];
    expect(url).toBe('/api/admin/catalog/import/xlsx?skipInvalid=true');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const cells = wrapper.get('[data-testid="import-errors"] tbody tr').findAll('td').map((c) => c.text());
    expect(cells).toEqual(['Thành phần hồ sơ', '7', 'Số bản sao', 'Phải là số nguyên.']);
    expect(wrapper.get('[data-testid="form-banner"]').text()).toBe('Chưa nhập gì: tệp có 1 lỗi. Sửa các ô dưới đây rồi nhập lại.');
  });

  it('asks for both CSV sheets before sending anything', async () => {
    const fetchMock = stubHub([]);
    const wrapper = mount(ImportDialog, { global: { plugins: plugins() } });
    await wrapper.get('[data-testid="import-format-csv"]').setValue(true);
    expect(wrapper.find('[data-testid="import-file-documents"]').exists()).toBe(true);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="field-error-procedures"]').text()).toContain('Vui lòng chọn tệp.');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('RowsEditor', () => {
  it('adds, moves and removes rows', async () => {
    const Host = defineComponent({
      setup() {
        const rows = ref([{ n: 'a' }, { n: 'b' }]);
        return () =>
          h('div', [
            h('output', rows.value.map((r) => r.n).join(',')),
            h(
              RowsEditor<{ n: string }>,
              { modelValue: rows.value, 'onUpdate:modelValue': (v: { n: string }[]) => (rows.value = v), title: 'T', columns: [{ label: 'N', width: '1fr' }], make: () => ({ n: 'c' }), testid: 'ed' },
              { default: ({ row }: { row: { n: string } }) => h('span', row.n) },
            ),
          ]);
      },
    });
    const wrapper = mount(Host, { global: { plugins: plugins() } });
    await wrapper.get('[data-testid="ed-add"]').trigger('click');
    expect(wrapper.get('output').text()).toBe('a,b,c');
    await wrapper.findAll('button[aria-label^="Chuyển dòng 3 lên"]')[0]!.trigger('click');
    expect(wrapper.get('output').text()).toBe('a,c,b');
    await wrapper.get('[data-testid="ed-remove-0"]').trigger('click');
    expect(wrapper.get('output').text()).toBe('c,b');
  });
});

describe('FieldsPanel', () => {
  const withEmpty = () => [...demoFields(), { id: 9, code: 'TAM', nameVi: 'Lĩnh vực tạm', nameEn: '', icon: 'stamp', displayOrder: 9, procedureCount: 0 }];
  const mountPanel = async (deleteReply: { status: number; body: unknown }) => {
    const fetchMock = vi.fn((path: string, init?: RequestInit) => {
      if (init?.method === 'DELETE') return Promise.resolve(new Response(deleteReply.status === 204 ? null : JSON.stringify(deleteReply.body), { status: deleteReply.status }));
      return Promise.resolve(new Response(JSON.stringify(path.startsWith('/api/fields') ? withEmpty() : []), { status: 200 }));
    });
    vi.stubGlobal('fetch', fetchMock);
    const wrapper = mount(FieldsPanel, { global: { plugins: plugins() } });
    await useCatalogAdminStore().load();
    await flushPromises();
    return { wrapper, fetchMock };
  };

  it('offers deletion only for a field without procedures, confirms, and sends DELETE', async () => {
    const { wrapper, fetchMock } = await mountPanel({ status: 204, body: null });
    const buttons = wrapper.findAll('[data-testid="delete-field"]');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]!.attributes('aria-label')).toBe('Xóa lĩnh vực Lĩnh vực tạm');
    await buttons[0]!.trigger('click');
    expect(wrapper.text()).toContain('Xóa lĩnh vực “Lĩnh vực tạm”?');
    await wrapper.get('[data-testid="confirm-ok"]').trigger('click');
    await flushPromises();
    expect(fetchMock).toHaveBeenCalledWith('/api/admin/fields/9', expect.objectContaining({ method: 'DELETE' }));
    expect(useCatalogAdminStore().fields.map((f) => f.code)).toEqual(['CTHUC', 'HTICH']);
  });

  it('shows the hub\'s Vietnamese refusal when retired procedures still belong to the field', async () => {
    const { wrapper } = await mountPanel({ status: 409, body: { code: 'FIELD_IN_USE', message: 'x' } });
    await wrapper.get('[data-testid="delete-field"]').trigger('click');
    await wrapper.get('[data-testid="confirm-ok"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="fields-error"]').text()).toContain('Lĩnh vực còn thủ tục');
    expect(useCatalogAdminStore().fields).toHaveLength(3);
  });
});
