import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import ModalFrame from './ModalFrame.vue';

/** A page with a button that opens a dialog holding a textarea; the dialog closes on Escape or its own button. */
const Page = defineComponent({
  setup() {
    const open = ref(false);
    return () =>
      h('div', [
        h('button', { 'data-testid': 'opener', onClick: () => (open.value = true) }, 'Sửa'),
        open.value
          ? h(ModalFrame, { title: 'Sửa quầy', onClose: () => (open.value = false) }, {
              default: () => h('textarea', { 'data-testid': 'note' }),
              actions: () => h('button', { 'data-testid': 'cancel', onClick: () => (open.value = false) }, 'Hủy'),
            })
          : null,
      ]);
  },
});

describe('admin dialogs hand the focus back', () => {
  it('returns the focus to the control that opened the dialog, after Escape and after a button', async () => {
    const w = mount(Page, { attachTo: document.body });
    const opener = w.get('[data-testid="opener"]').element as HTMLButtonElement;
    for (const close of ['escape', 'button'] as const) {
      opener.focus();
      await w.get('[data-testid="opener"]').trigger('click');
      await nextTick();
      await nextTick();
      expect(document.activeElement).toBe(w.get('[data-testid="note"]').element);
      if (close === 'escape') await w.get('[role="dialog"]').trigger('keydown', { key: 'Escape' });
      else await w.get('[data-testid="cancel"]').trigger('click');
      await nextTick();
      expect(w.find('[role="dialog"]').exists()).toBe(false);
      expect(document.activeElement).toBe(opener);
    }
    w.unmount();
  });
});
