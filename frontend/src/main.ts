import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n } from './i18n'
import { prefetchScreens, router } from './router'
import './style.css'

createApp(App).use(createPinia()).use(i18n).use(router).mount('#app')
void router.isReady().then(prefetchScreens)
