import type { DossierAction, DossierStatus } from '@shared/schemas/dossier';

/** Statuses each command may start from, and where it leads (Nghị định 118/2025/NĐ-CP, issue 7). */
export const DOSSIER_TRANSITIONS: Record<DossierAction, { from: readonly DossierStatus[]; to: DossierStatus | 'resumed' }> = {
  transfer: { from: ['received', 'processing'], to: 'transferred' },
  process: { from: ['received', 'transferred'], to: 'processing' },
  'request-supplement': { from: ['received', 'transferred', 'processing'], to: 'supplement_requested' },
  // Back to where work stood: 'received' when the intake itself was incomplete, else 'processing'.
  resume: { from: ['supplement_requested'], to: 'resumed' },
  ready: { from: ['received', 'transferred', 'processing'], to: 'result_ready' },
  return: { from: ['result_ready'], to: 'returned' },
  refuse: { from: ['received', 'transferred', 'processing', 'supplement_requested'], to: 'refused' },
  withdraw: { from: ['received', 'transferred', 'processing', 'supplement_requested', 'result_ready'], to: 'withdrawn' },
};

/** The status `action` leads to from `status`, or null when the move is illegal. */
export function nextDossierStatus(action: DossierAction, status: DossierStatus, clockStarted: boolean): DossierStatus | null {
  const rule = DOSSIER_TRANSITIONS[action];
  if (!rule.from.includes(status)) return null;
  if (rule.to === 'resumed') return clockStarted ? 'processing' : 'received';
  return rule.to;
}

/** Statuses in which the appointment clock runs (overdue and due-soon lists): a ready result waits for the citizen. */
export const OPEN_DOSSIER_STATUSES: readonly DossierStatus[] = ['received', 'transferred', 'processing'];

/** "Nguyễn Văn An" → "N*** V** An": the public lookup shows no personal data beyond this. */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words.map((w, i) => (i === words.length - 1 ? w : `${[...w][0] ?? ''}${'*'.repeat(Math.max(1, [...w].length - 1))}`)).join(' ');
}
