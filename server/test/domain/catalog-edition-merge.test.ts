import { describe, expect, it } from 'vitest';
import type { CatalogFile, ProcedureInput } from '@shared/schemas/procedure';
import { canonical, planEdition } from '../../src/services/catalog-edition-merge';

const proc = (code: string, over: Partial<ProcedureInput> = {}): ProcedureInput => ({
  code,
  localSuffix: '',
  name: `Thủ tục ${code}`,
  fieldCode: 'HTICH',
  level: 'xa',
  implementingAgency: 'UBND xã',
  competentAgency: 'UBND xã',
  mechanism: 'mot_cua',
  coordinatingAgencies: [],
  processingTime: { text: '03 ngày làm việc', kind: 'working_days', value: 3, cutoff15h: false },
  fees: [{ name: 'Lệ phí', amount: null, unit: '', note: 'Theo Nghị quyết HĐND tỉnh' }],
  documents: [],
  steps: [],
  applicants: '',
  result: '',
  legalBasis: [],
  conditions: '',
  onlineLevel: 'mot_phan',
  serviceCode: '',
  active: true,
  source: '',
  ...over,
});
const FIELDS = [{ code: 'HTICH', nameVi: 'Hộ tịch', nameEn: '', icon: '', displayOrder: 1 }];
const file = (procedures: ProcedureInput[], fields = FIELDS): CatalogFile => ({ fields, procedures });
const plan = (edition: CatalogFile, office: ProcedureInput[], base: CatalogFile | null) =>
  planEdition({ edition, office, base, officeFieldCodes: new Set(['HTICH', 'LOCAL']), officeServiceCodes: new Set(['HT']) });
const codes = (list: { code: string }[]) => list.map((p) => p.code);

describe('planEdition: the province owns the content, the office its services, fields and overrides', () => {
  it('changes nothing when the edition says what the office has (services aside)', () => {
    const office = [proc('1.000001', { serviceCode: 'HT' })];
    const p = plan(file([proc('1.000001')]), office, file([proc('1.000001')]));
    expect(p.save).toEqual([]);
    expect(p.changes).toMatchObject({ addedCount: 0, changedCount: 0, retiredCount: 0, keptFees: [], keptFields: [] });
  });

  it.each([
    ['a service the office has', 'HT', 'HT'],
    ['a service the office lacks', 'XX', ''],
    ['no service', '', ''],
  ])('adds a new procedure with %s', (_what, given, kept) => {
    const p = plan(file([proc('1.000002', { serviceCode: given })]), [], null);
    expect(p.save).toEqual([proc('1.000002', { serviceCode: kept })]);
    expect(codes(p.changes.added)).toEqual(['1.000002']);
  });

  it('keeps fees and a field placement the office set (differing from the base), takes the province\'s otherwise', () => {
    const base = file([proc('1.000003'), proc('1.000004')]);
    const ownFees = [{ name: 'Lệ phí', amount: 5000, unit: 'đồng/lần', note: '' }];
    const office = [proc('1.000003', { fees: ownFees, fieldCode: 'LOCAL', serviceCode: 'HT' }), proc('1.000004')];
    const newFees = [{ name: 'Lệ phí', amount: 8000, unit: 'đồng/lần', note: '' }];
    const edition = file([proc('1.000003', { name: 'Tên mới', fees: newFees }), proc('1.000004', { fees: newFees })]);
    const p = plan(edition, office, base);
    expect(p.save).toEqual([
      proc('1.000003', { name: 'Tên mới', fees: ownFees, fieldCode: 'LOCAL', serviceCode: 'HT' }),
      proc('1.000004', { fees: newFees }),
    ]);
    expect(codes(p.changes.keptFees)).toEqual(['1.000003']);
    expect(codes(p.changes.keptFields)).toEqual(['1.000003']);
    expect(codes(p.changes.changed)).toEqual(['1.000003', '1.000004']);
  });

  it('without a base entry nothing is an override: the province\'s fees and field win', () => {
    const office = [proc('1.000005', { fees: [], fieldCode: 'LOCAL' })];
    const p = plan(file([proc('1.000005')]), office, file([]));
    expect(p.save).toEqual([proc('1.000005')]);
    expect(p.changes.keptFees).toEqual([]);
  });

  it('retires what the base listed and the edition dropped or retired; leaves the office\'s own procedures alone', () => {
    const base = file([proc('1.000006'), proc('1.000007'), proc('1.000008')]);
    const office = [proc('1.000006'), proc('1.000007'), proc('1.000008', { active: false }), proc('9.000001', { name: 'Thủ tục riêng' })];
    const p = plan(file([proc('1.000007', { active: false })]), office, base);
    expect(p.save).toEqual([proc('1.000007', { active: false }), proc('1.000006', { active: false })]);
    expect(codes(p.changes.retired)).toEqual(['1.000007', '1.000006']);
    expect(p.changes.changedCount).toBe(0);
  });

  it('adds only the fields the office lacks, and names the same procedure apart by its local suffix', () => {
    const edition = file([proc('1.000009', { localSuffix: 'H26', fieldCode: 'MOI' })], [...FIELDS, { code: 'MOI', nameVi: 'Lĩnh vực mới', nameEn: '', icon: '', displayOrder: 9 }]);
    const p = plan(edition, [proc('1.000009')], null);
    expect(p.fields.map((f) => f.code)).toEqual(['MOI']);
    expect(p.changes.newFields).toEqual(['Lĩnh vực mới']);
    expect(p.changes.added).toEqual([{ code: '1.000009 H26', name: 'Thủ tục 1.000009' }]);
  });

  it('compares values whatever order their keys were written in', () => {
    expect(canonical({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonical({ a: [{ c: 3, d: 2 }], b: 1 }));
    expect(canonical({ a: [1, 2] })).not.toBe(canonical({ a: [2, 1] }));
  });
});
