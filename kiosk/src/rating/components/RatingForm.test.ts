import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createRatingI18n } from '../i18n';
import RatingForm from './RatingForm.vue';

const mountForm = (scale: 3 | 5 = 3) => mount(RatingForm, { props: { scale }, global: { plugins: [createRatingI18n()] } });

describe('RatingForm', () => {
  it('offers the levels of the office scale, in words', () => {
    expect(mountForm(3).findAll('[role="radio"].level').map((b) => b.text())).toEqual(['Rất hài lòng', 'Hài lòng', 'Không hài lòng']);
    expect(mountForm(5).findAll('[role="radio"].level')).toHaveLength(5);
  });

  it('does not send "unsatisfied" without a reason, then sends the trimmed reason and the ticked criteria', async () => {
    const w = mountForm();
    await w.get('[data-testid="level-unsatisfied"]').trigger('click');
    expect(w.get('[data-testid="level-unsatisfied"]').attributes('aria-checked')).toBe('true');
    await w.get('form').trigger('submit');
    expect(w.emitted('submit')).toBeUndefined();
    expect(w.get('[role="alert"]').text()).toContain('ít nhất 3 ký tự');
    await w.get('[data-testid="rating-reason"]').setValue('  Chờ quá lâu  ');
    await w.get('[data-testid="rating-details"]').trigger('click');
    await w.get('[data-testid="criterion-timeliness-unsatisfied"]').trigger('click');
    await w.get('[data-testid="criterion-guidance-satisfied"]').trigger('click');
    await w.get('[data-testid="criterion-guidance-satisfied"]').trigger('click'); // a second tap clears it
    await w.get('form').trigger('submit');
    expect(w.emitted('submit')).toEqual([[{ level: 'unsatisfied', reason: 'Chờ quá lâu', criteria: { timeliness: 'unsatisfied' } }]]);
  });

  it('sends a satisfied rating with no comment and no criteria', async () => {
    const w = mountForm();
    await w.get('[data-testid="level-very_satisfied"]').trigger('click');
    await w.get('form').trigger('submit');
    expect(w.emitted('submit')).toEqual([[{ level: 'very_satisfied' }]]);
  });
});
