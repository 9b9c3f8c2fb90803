import { createPinia } from 'pinia';
import { createApp } from 'vue';
import '@ui/styles/base.css';
import App from './App.vue';
import { unlockChimeOnGesture } from './composables/chime';
import { createDisplayI18n } from './i18n';
import { startHub } from './socket';

const app = createApp(App);
app.use(createPinia());
app.use(createDisplayI18n());
startHub();
unlockChimeOnGesture();
app.mount('#app');
