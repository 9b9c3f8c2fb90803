import { createPinia } from 'pinia';
import { createApp } from 'vue';
import '@ui/styles/base.css';
import './styles/controls.css';
import App from './App.vue';
import { createCounterI18n } from './i18n';

const app = createApp(App);
app.use(createPinia());
app.use(createCounterI18n());
app.mount('#app');
