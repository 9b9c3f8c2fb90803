import { describe, expect, it } from 'vitest';
import type { CatalogFile } from '@shared/schemas/procedure';
import { catalogToSheets, sheetsToCatalog } from '../../src/services/catalog-sheets';
import { readCatalogFile, SEED_CATALOG_FILE } from '../../src/services/catalog-service';

const seed = (): CatalogFile => readCatalogFile(SEED_CATALOG_FILE);

describe('catalog sheets: the spreadsheet form of the catalog', () => {
  it('turns the seed into sheets and back without a difference', () => {
    const file = seed();
    const back = sheetsToCatalog(catalogToSheets(file));
    expect(back.errors).toEqual([]);
    expect(back.raw.procedures).toEqual(file.procedures);
    expect(back.raw.fields).toEqual(file.fields);
  });

  it('reads what people type in Excel: dotted amounts, dd/mm/yyyy dates, "có", a code turned into a number, headers without accents', () => {
    const file = seed();
    const sheets = catalogToSheets({ fields: [], procedures: [file.procedures[0]!] });
    const header = sheets.procedures[0]!;
    const row = sheets.procedures[1]!;
    const col = (h: string) => header.findIndex((x) => String(x).startsWith(h));
    row[col('Mã thủ tục')] = 1.0001;
    row[col('Phí, lệ phí')] = 'Lệ phí | 50.000 | đồng/lần | ghi chú | có gạch';
    row[col('Căn cứ pháp lý')] = '123/2020/NĐ-CP | Về việc | 05/01/2020 | Chính phủ';
    row[col('Đang áp dụng')] = 'CÓ';
    header[col('Tên thủ tục')] = 'TEN THU TUC';
    sheets.documents = [sheets.documents[0]!, ['1.000100', '', 2, 'Giấy B', '1', '', '', ''], ['1.000100', '', 1, 'Giấy A', 1, 'hai', '', '']];
    const { raw, errors, locate } = sheetsToCatalog(sheets);
    expect(errors).toEqual([]);
    const p = raw.procedures[0] as CatalogFile['procedures'][number];
    expect(p.code).toBe('1.000100');
    expect(p.fees).toEqual([{ name: 'Lệ phí', amount: 50000, unit: 'đồng/lần', note: 'ghi chú | có gạch' }]);
    expect(p.legalBasis).toEqual([{ number: '123/2020/NĐ-CP', summary: 'Về việc', date: '2020-01-05', issuer: 'Chính phủ' }]);
    expect(p.active).toBe(true);
    expect(p.documents.map((d) => d.name)).toEqual(['Giấy A', 'Giấy B']);
    expect(p.documents[0]?.copies).toBe('hai');
    // The validator's path of that bad count points back at the documents sheet's row 3 (the second data row typed).
    expect(locate({ sheet: 'procedures', row: 1, column: 'documents/0/copies', message: 'Phải là số nguyên.' })).toEqual({
      sheet: 'documents',
      row: 3,
      column: 'Số bản sao',
      message: 'Phải là số nguyên.',
    });
  });
});
