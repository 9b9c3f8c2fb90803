import { describe, expect, it } from 'vitest';
import { dossierUnit, formatDossierCode, isDossierCode, normalizeDossierCode } from './dossier-code';

describe('dossier codes', () => {
  it.each([
    ['000.00.06.H56-231027-0361', '000.00.06.H56-231027-0361'],
    ['000.00.06.h56-231027-0361', '000.00.06.H56-231027-0361'],
    ['  000.00.06.h56 - 231027 - 0361 ', '000.00.06.H56-231027-0361'],
    ['000.00.06.H56 – 231027 — 0361', '000.00.06.H56-231027-0361'],
    ['000.00.06.H56\u00a0-\u2009231027\u2212 0361', '000.00.06.H56-231027-0361'],
    ['ｍｏｔｃｕａ-261123-0001', 'MOTCUA-261123-0001'],
  ])('normalises %j', (typed, code) => {
    expect(normalizeDossierCode(typed)).toBe(code);
    expect(isDossierCode(normalizeDossierCode(typed))).toBe(true);
  });
  it('tells a code from anything else', () => {
    expect(isDossierCode('KHONG-HOP-LE')).toBe(false);
    expect(isDossierCode('000.00.06.H56-2310-0361')).toBe(false);
    expect(isDossierCode('')).toBe(false);
  });
  it('issues codes with the unit in upper case, the fallback when unset', () => {
    expect(formatDossierCode('000.00.06.h56', '2026-11-23', 7)).toBe('000.00.06.H56-261123-0007');
    expect(formatDossierCode('', '2026-11-23', 12345)).toBe('MOTCUA-261123-12345');
    expect(dossierUnit('  ')).toBe('MOTCUA');
  });
});
