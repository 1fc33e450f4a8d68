import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n } from './i18n'
import { router } from './router'
import './style.css'
import { startMark } from './startMarks'

// Every module above is evaluated by now.
startMark('script')

createApp(App).use(createPinia()).use(i18n).use(router).mount('#app')
startMark('mounted')
