import { createPinia } from 'pinia';
import { createApp } from 'vue';
import '@ui/styles/base.css';
import '../styles/kiosk-controls.css';
import { ClientRole } from '@shared/events';
import { connectHub } from '@ui/socket';
import { useDeviceStore } from '@ui/stores/device';
import { useQueueStore } from '@ui/stores/queue';
import { createRatingI18n } from './i18n';
import RatingApp from './RatingApp.vue';
import { useRatingStore } from './stores/rating';

/** In open LAN mode (no pairing) the tablet says which counter it stands at: /kiosk/rating/?quay=2. */
function askedCounter(): number | null {
  const n = Number(new URLSearchParams(location.search).get('quay'));
  return Number.isInteger(n) && n > 0 ? n : null;
}

const app = createApp(RatingApp).use(createPinia()).use(createRatingI18n());
const asked = askedCounter();
const socket = connectHub(ClientRole.RATING, asked === null ? {} : { counterId: asked }, { autoConnect: false });
useQueueStore().bind(socket);
useRatingStore().bind(socket, asked);
void useDeviceStore().start('rating', socket);
app.mount('#app');
