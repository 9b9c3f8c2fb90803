import { createPinia } from 'pinia';
import { createApp } from 'vue';
import '@ui/styles/base.css';
import './styles/kiosk-controls.css';
import App from './App.vue';
import { createKioskI18n } from './i18n';
import { startHub } from './socket';

const app = createApp(App);
app.use(createPinia());
app.use(createKioskI18n());
startHub();
app.mount('#app');
