import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import type { DossierSummary } from '@shared/schemas/dossier';
import type { Procedure } from '@shared/schemas/procedure';
import { bookQuery, checklistOf, emptyIntake, useDossiersStore } from './dossiers';
import { dossierHash, parseDossierHash } from './dossiers-nav';

describe('dossier store helpers', () => {
  it('turns the listing’s documents into a checklist with their counts', () => {
    const p = { documents: [{ name: 'Tờ khai', originals: 1, copies: 0, note: '', formFile: null }, { name: 'CCCD', originals: 0, copies: 2, note: '', formFile: null }] } as unknown as Procedure;
    expect(checklistOf(p)).toEqual([
      { name: 'Tờ khai', originals: 1, certifiedCopies: 0, copies: 0, missing: false },
      { name: 'CCCD', originals: 0, certifiedCopies: 0, copies: 2, missing: false },
    ]);
    expect(emptyIntake()).toMatchObject({ sets: 1, channel: 'counter', delivery: 'counter', documents: [] });
  });

  it('builds the book query without empty filters', () => {
    expect(bookQuery({ from: '2026-11-01', to: '2026-11-30', status: undefined, q: '' })).toBe('from=2026-11-01&to=2026-11-30');
    expect(bookQuery({ q: 'lê văn', procedureId: 4 })).toBe('q=l%C3%AA+v%C4%83n&procedureId=4');
  });

  it.each([
    ['#/ho-so', { inArea: true, tab: 'intake', form: null }],
    ['#/ho-so/tra-ket-qua', { inArea: true, tab: 'return', form: null }],
    ['#/ho-so/in/01', { inArea: true, tab: 'intake', form: '01' }],
    ['#/ho-so/in/09', { inArea: true, tab: 'intake', form: null }],
    ['#/quan-tri', { inArea: false, tab: 'intake', form: null }],
    ['', { inArea: false, tab: 'intake', form: null }],
  ])('reads %s', (hash, parsed) => {
    expect(parseDossierHash(hash)).toEqual(parsed);
  });

  it('round-trips tabs and forms through the hash', () => {
    expect(parseDossierHash(dossierHash('calendar')).tab).toBe('calendar');
    expect(parseDossierHash(dossierHash(undefined, '06')).form).toBe('06');
  });
});

describe('dossier pushes', () => {
  it('replaces the pushed dossier in every list that shows it', () => {
    setActivePinia(createPinia());
    const store = useDossiersStore();
    const row = (id: number, status: DossierSummary['status']) => ({ id, code: `X-261123-000${id}`, status }) as DossierSummary;
    store.book = [row(1, 'received'), row(2, 'received')];
    store.overdue = [row(2, 'received')];
    store.applyPush(row(2, 'processing'));
    expect(store.book.map((d) => d.status)).toEqual(['received', 'processing']);
    expect(store.overdue.map((d) => d.status)).toEqual(['processing']);
    store.applyPush(row(3, 'received'));
    expect(store.book).toHaveLength(2);
  });
});
