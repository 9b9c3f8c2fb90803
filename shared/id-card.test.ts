import { describe, expect, it } from 'vitest';
import { ageOn, honorific, idNumberFacts, maskName, parseCardDate, parseIdCardQr } from './id-card';

// Synthetic fixtures: invented names and numbers, shaped as the circulars describe (no real person's data).
const CCCD_2021 = '001058012345|123456789|Nguyễn Văn Thử|15031958|Nam|Số 1 Phố Mẫu, Phường Thử Nghiệm, Hà Nội|10052021';
const CAN_CUOC_2024 = '079305006789||Trần Thị Mẫu|02012005|Nữ|Tổ 3, Phường Giả Định, Thành phố Hồ Chí Minh|20082024';

describe('parseIdCardQr', () => {
  it('reads every field of a CCCD (Thông tư 06/2021) QR', () => {
    expect(parseIdCardQr(CCCD_2021)).toEqual({
      ok: true,
      card: {
        kind: 'cccd',
        idNumber: '001058012345',
        oldIdNumber: '123456789',
        fullName: 'Nguyễn Văn Thử',
        dateOfBirth: '1958-03-15',
        gender: 'male',
        address: 'Số 1 Phố Mẫu, Phường Thử Nghiệm, Hà Nội',
        issueDate: '2021-05-10',
      },
    });
  });

  it('reads a thẻ căn cước (2024) QR with no old number and tells the kind by its issue date', () => {
    const parsed = parseIdCardQr(CAN_CUOC_2024);
    expect(parsed.ok && parsed.card).toMatchObject({ kind: 'can_cuoc', idNumber: '079305006789', fullName: 'Trần Thị Mẫu', gender: 'female', dateOfBirth: '2005-01-02' });
    expect(parsed.ok && parsed.card.oldIdNumber).toBeUndefined();
  });

  it('tolerates extra fields, a trailing Enter and decomposed (NFD) Vietnamese', () => {
    const parsed = parseIdCardQr(`${CAN_CUOC_2024.normalize('NFD')}|Trần Văn Cha|Lê Thị Mẹ|extra\r\n`);
    expect(parsed.ok && parsed.card.fullName).toBe('Trần Thị Mẫu');
    expect(parsed.ok && parsed.card.gender).toBe('female');
  });

  it('tolerates missing trailing fields: ID number and name are enough', () => {
    const parsed = parseIdCardQr('001058012345||Nguyễn Văn Thử');
    expect(parsed).toEqual({ ok: true, card: { kind: 'unknown', idNumber: '001058012345', fullName: 'Nguyễn Văn Thử' } });
  });

  it('leaves out an address holding a character the scanner could not send', () => {
    const parsed = parseIdCardQr('001058012345||Nguyễn Văn Thử|15031958|Nam|S\uFFFD 1 Ph\uFFFD Mẫu|10052021');
    expect(parsed.ok && parsed.card.address).toBeUndefined();
  });

  it('leaves out a field with the wrong shape instead of guessing', () => {
    const parsed = parseIdCardQr('001058012345|12AB|Nguyễn Văn Thử|31021958|Không rõ|  |99999999');
    expect(parsed).toEqual({ ok: true, card: { kind: 'unknown', idNumber: '001058012345', fullName: 'Nguyễn Văn Thử' } });
  });

  it.each([
    ['', 'EMPTY'],
    ['   \n', 'EMPTY'],
    ['https://dichvucong.gov.vn/p/home', 'NOT_ID_CARD'],
    ['BK7H2Q', 'NOT_ID_CARD'],
    ['HS-2026-000123|abc', 'NOT_ID_CARD'],
    ['00105801234|x|Nguyễn Văn Thử', 'BAD_ID_NUMBER'],
    ['0010580123456|x|Nguyễn Văn Thử', 'BAD_ID_NUMBER'],
    ['001058012345|123456789|', 'NO_NAME'],
    ['001058012345|123456789|<script>', 'NO_NAME'],
    ['001058012345|123456789|1958', 'NO_NAME'],
    // The 12 digits say male, born 1958: a card that says otherwise is not trusted.
    ['001058012345||Nguyễn Văn Thử|15031958|Nữ|Hà Nội|10052021', 'INCONSISTENT'],
    ['001058012345||Nguyễn Văn Thử|15031985|Nam|Hà Nội|10052021', 'INCONSISTENT'],
    [`001058012345||${'A'.repeat(1200)}`, 'NOT_ID_CARD'],
  ])('refuses %j with %s', (payload, reason) => {
    expect(parseIdCardQr(payload)).toEqual({ ok: false, reason });
  });
});

describe('card helpers', () => {
  it('decodes gender and century from the ID number (Thông tư 59/2021)', () => {
    expect(idNumberFacts('001058012345')).toEqual({ gender: 'male', birthYear: 1958 });
    expect(idNumberFacts('079305006789')).toEqual({ gender: 'female', birthYear: 2005 });
    expect(idNumberFacts('001199000001')).toEqual({ gender: 'female', birthYear: 1999 });
    expect(idNumberFacts('001400000001')).toEqual({ gender: 'male', birthYear: 2100 });
  });

  it('accepts only real calendar dates', () => {
    expect(parseCardDate('29022024')).toBe('2024-02-29');
    expect(parseCardDate('29022023')).toBeUndefined();
    expect(parseCardDate('1503195')).toBeUndefined();
  });

  it('counts whole years of age, turning a year older on the birthday', () => {
    expect(ageOn('1958-03-15', '2026-03-14')).toBe(67);
    expect(ageOn('1958-03-15', '2026-03-15')).toBe(68);
    expect(ageOn('2005-01-02', '2026-12-07')).toBe(21);
  });
});

describe('maskName', () => {
  it('keeps each word\'s first letter and at most three stars', () => {
    expect(maskName('Nguyễn Văn Thử')).toBe('N*** V** T**');
    expect(maskName('Trần  Thị Mẫu')).toBe('T*** T** M**');
    expect(maskName('Lê A')).toBe('L* A');
  });

  it('keeps a decomposed first letter whole (NFC first)', () => {
    expect(maskName('Ánh Dương'.normalize('NFD'))).toBe('Á** D***');
  });

  it('matches the schema the hub checks it with', async () => {
    const { MaskedNameSchema } = await import('./schemas/id-card');
    const re = new RegExp(MaskedNameSchema.pattern as string, 'u');
    for (const name of ['Nguyễn Văn Thử', 'Lê A', 'Ánh Dương']) expect(re.test(maskName(name))).toBe(true);
    expect(re.test('Nguyễn Văn Thử')).toBe(false);
  });

  it('addresses by the card\'s gender', () => {
    expect(honorific('male').vi).toBe('ông');
    expect(honorific('female').vi).toBe('bà');
    expect(honorific(undefined).vi).toBe('ông/bà');
  });
});
