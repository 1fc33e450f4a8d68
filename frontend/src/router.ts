import { createRouter, createWebHashHistory } from 'vue-router'
import HomeView from './views/HomeView.vue'
import RegionsView from './views/RegionsView.vue'
import SettingsView from './views/SettingsView.vue'
import AboutView from './views/AboutView.vue'
import EmptyArea from './views/EmptyArea.vue'
import ComparisonView from './views/ComparisonView.vue'
import IndicatorsView from './views/IndicatorsView.vue'
import ExchangeView from './views/ExchangeView.vue'
import ProgramsView from './views/ProgramsView.vue'

// Hash history: the Wails webview serves a single index.html.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'home', component: HomeView },
    { path: '/perbandingan', name: 'comparison', component: ComparisonView },
    { path: '/indikator', name: 'indicators', component: IndicatorsView },
    { path: '/program', name: 'programs', component: ProgramsView },
    { path: '/rakor', name: 'rakor', component: EmptyArea, props: { area: 'rakor' } },
    { path: '/ekspor-impor', name: 'exchange', component: ExchangeView },
    { path: '/wilayah', name: 'regions', component: RegionsView },
    { path: '/pengaturan', name: 'settings', component: SettingsView },
    { path: '/tentang', name: 'about', component: AboutView },
  ],
})
