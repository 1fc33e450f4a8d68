import { createRouter, createWebHashHistory } from 'vue-router'
import HomeView from './views/HomeView.vue'
import RegionsView from './views/RegionsView.vue'
import SettingsView from './views/SettingsView.vue'
import AboutView from './views/AboutView.vue'
import ComparisonView from './views/ComparisonView.vue'
import IndicatorsView from './views/IndicatorsView.vue'
import ExchangeView from './views/ExchangeView.vue'
import ProgramsView from './views/ProgramsView.vue'
import MeetingsView from './views/rakor/MeetingsView.vue'
import MeetingView from './views/rakor/MeetingView.vue'
import DeckView from './views/rakor/DeckView.vue'
import RegisterView from './views/rakor/RegisterView.vue'
import ChallengesView from './views/rakor/ChallengesView.vue'
import PrintView from './views/rakor/PrintView.vue'

// Hash history: the Wails webview serves a single index.html.
export const router = createRouter({
  history: createWebHashHistory(),
  // Every screen opens at its top. The window scrolls only on the bare
  // screens (the printed record); the shell's page box is reset by AppShell.
  scrollBehavior: () => ({ top: 0 }),
  routes: [
    { path: '/', name: 'home', component: HomeView },
    { path: '/perbandingan', name: 'comparison', component: ComparisonView },
    { path: '/indikator', name: 'indicators', component: IndicatorsView },
    { path: '/program', name: 'programs', component: ProgramsView },
    { path: '/rakor', name: 'rakor', component: MeetingsView },
    { path: '/rakor/:id(\\d+)', name: 'meeting', component: MeetingView, props: (r) => ({ id: Number(r.params.id) }) },
    { path: '/rakor/kesepakatan', name: 'register', component: RegisterView },
    { path: '/rakor/permasalahan', name: 'challenges', component: ChallengesView },
    // Bare routes fill the window without the navigation shell (App.vue).
    { path: '/rakor/:id(\\d+)/tayang', name: 'deck', component: DeckView, props: (r) => ({ id: Number(r.params.id) }), meta: { bare: true } },
    { path: '/rakor/:id(\\d+)/cetak/:doc(notulen|berita-acara)', name: 'print', component: PrintView,
      props: (r) => ({ id: Number(r.params.id), doc: String(r.params.doc) }), meta: { bare: true } },
    { path: '/ekspor-impor', name: 'exchange', component: ExchangeView },
    { path: '/wilayah', name: 'regions', component: RegionsView },
    { path: '/pengaturan', name: 'settings', component: SettingsView },
    { path: '/tentang', name: 'about', component: AboutView },
  ],
})
