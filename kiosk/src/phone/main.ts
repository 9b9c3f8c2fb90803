import { createPinia } from 'pinia';
import { createApp } from 'vue';
import '@ui/styles/base.css';
import { createPhoneI18n } from './i18n';
import PhoneApp from './PhoneApp.vue';
import { createPhoneRouter } from './router';

createApp(PhoneApp).use(createPinia()).use(createPhoneI18n()).use(createPhoneRouter()).mount('#app');
