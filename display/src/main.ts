import { createPinia } from 'pinia';
import { createApp } from 'vue';
import '@ui/styles/base.css';
import App from './App.vue';
import { createDisplayI18n } from './i18n';
import { startHub } from './socket';
import { useAnnouncerStore } from './stores/announcer';

const app = createApp(App);
app.use(createPinia());
app.use(createDisplayI18n());
startHub();
// TV browsers started without --autoplay-policy=no-user-gesture-required need one touch, click or key press.
const announcer = useAnnouncerStore();
for (const e of ['pointerdown', 'keydown'] as const) window.addEventListener(e, () => announcer.unlock(), { passive: true });
app.mount('#app');
