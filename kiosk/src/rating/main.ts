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

const app = createApp(RatingApp).use(createPinia()).use(createRatingI18n());
// Always a paired device (open LAN mode too); an admin binds it to its counter.
const socket = connectHub(ClientRole.RATING, {}, { autoConnect: false });
useQueueStore().bind(socket);
useRatingStore().bind(socket);
void useDeviceStore().start('rating', socket);
app.mount('#app');
