import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';

/**
 * The smallest CSS size each orientation's layouts are drawn for. A screen at least this big shows them at 100 %;
 * a smaller one (a 1366×768 or 1024×768 panel, an 800×1280 tablet) scales the whole screen down to fit, so nothing
 * falls below the edge of a page that cannot scroll.
 */
export const DESIGN_SIZE = {
  portrait: { width: 1080, height: 1800 },
  landscape: { width: 1600, height: 960 },
} as const;

/** Never below this: text and targets would get too small to read and press. */
export const MIN_ZOOM = 0.6;

/** The zoom that fits a design size into a `width`×`height` viewport (1 when it already fits). */
export function fitZoom(width: number, height: number, design: { width: number; height: number } = height > width ? DESIGN_SIZE.portrait : DESIGN_SIZE.landscape): number {
  if (width <= 0 || height <= 0) return 1;
  const zoom = Math.min(1, width / design.width, height / design.height);
  return Math.max(MIN_ZOOM, Math.floor(zoom * 1000) / 1000);
}

/** The fitting zoom of the window, kept up to date when it is resized or turned. */
export function useFitZoom(design?: { width: number; height: number }): Ref<number> {
  const zoom = ref(1);
  const update = (): void => {
    zoom.value = fitZoom(window.innerWidth, window.innerHeight, design);
  };
  onMounted(() => {
    update();
    window.addEventListener('resize', update);
  });
  onBeforeUnmount(() => window.removeEventListener('resize', update));
  return zoom;
}

/**
 * The zoom that fits `content` into the height of `box` (its padding excluded), never above 1 nor below `min`: a
 * screen whose content grows (the rating form with its details open) shrinks a little instead of running off the
 * bottom. Content heights are read unzoomed (offsetHeight ignores the element's own zoom), so there is no loop.
 */
export function useFitContent(box: Ref<HTMLElement | null>, content: Ref<HTMLElement | null>, min = MIN_ZOOM): Ref<number> {
  const zoom = ref(1);
  let observer: ResizeObserver | undefined;
  const update = (): void => {
    const b = box.value;
    const c = content.value;
    if (!b || !c || c.offsetHeight === 0) return;
    const style = getComputedStyle(b);
    const room = b.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    zoom.value = Math.max(min, Math.min(1, Math.floor((room / c.offsetHeight) * 1000) / 1000));
  };
  const watchBoth = (): void => {
    observer?.disconnect();
    if (box.value) observer?.observe(box.value);
    if (content.value) observer?.observe(content.value);
    update();
  };
  onMounted(() => {
    if (typeof ResizeObserver === 'undefined') return;
    observer = new ResizeObserver(update);
    watchBoth();
  });
  watch([box, content], watchBoth, { flush: 'post' });
  onBeforeUnmount(() => observer?.disconnect());
  return zoom;
}
