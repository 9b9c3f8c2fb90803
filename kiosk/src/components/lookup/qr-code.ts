import { ref, watch, type Ref } from 'vue';

/** Where a phone opens a procedure's listing: the short link the hub redirects to the phone page. */
export function procedureLink(publicUrl: string, procedureId: number): string {
  return `${publicUrl.replace(/\/$/, '')}/tra-cuu/${procedureId}`;
}

/**
 * A QR code of `text` as an SVG data URL (drawn locally, no network; CSP allows data: images), or null while it is
 * drawn or when there is nothing to encode. The qrcode library is loaded on first use only.
 */
export function useQrCode(text: Ref<string | null>): Ref<string | null> {
  const url = ref<string | null>(null);
  let seq = 0;
  watch(
    text,
    async (value) => {
      const mine = ++seq;
      url.value = null;
      if (!value) return;
      const { toString } = await import('qrcode');
      const svg = await toString(value, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
      if (mine === seq) url.value = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    },
    { immediate: true },
  );
  return url;
}
