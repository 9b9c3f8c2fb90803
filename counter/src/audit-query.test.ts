import { describe, expect, it } from 'vitest';
import { auditActionKey, invalidDateFields, parseDay, summarizeDetails } from './audit-query';

describe('audit query helpers', () => {
  it('reads dd/mm/yyyy days and refuses impossible ones', () => {
    expect(parseDay('5/1/2026')).toEqual({ year: 2026, month: 1, day: 5 });
    expect(parseDay('31/02/2026')).toBeNull();
    expect(parseDay('2026-01-05')).toBeNull();
    expect(invalidDateFields({ from: '1/1/2026', to: '99/1/2026', userId: null, action: '', q: '' })).toEqual(['to']);
  });

  it('gives a label key only for dotted action names', () => {
    expect(auditActionKey('auth.login')).toBe('admin.audit.actions.auth.login');
    expect(auditActionKey('weird action')).toBeNull();
    expect(auditActionKey('login')).toBeNull();
  });

  it('sums details up in one line with labelled keys', () => {
    const label = (k: string) => ({ number: 'Số', changed: 'Mục đã sửa' })[k] ?? k;
    expect(summarizeDetails({ number: 'A001', counterId: 3, empty: null }, label)).toBe('Số: A001 · counterId: 3');
    expect(summarizeDetails({ changed: ['name', 'sessions'] }, label)).toBe('Mục đã sửa: name, sessions');
    expect(summarizeDetails(null, label)).toBe('');
    expect(summarizeDetails({ name: 'x'.repeat(200) }, label, 20)).toHaveLength(20);
  });
});
