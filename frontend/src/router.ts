import { createRouter, createWebHashHistory } from 'vue-router'
import HomeView from './views/HomeView.vue'
import { prefetchNaive } from './naive'

// The first screen (home) is in the main bundle; every other screen, with
// the heavy libraries only it uses (ECharts in the deck, the exchange's
// workbook handling), loads when first opened, so it never delays the first
// paint.
const ComparisonView = () => import('./views/ComparisonView.vue')
const IndicatorsView = () => import('./views/IndicatorsView.vue')
const ProgramsView = () => import('./views/ProgramsView.vue')
const MeetingsView = () => import('./views/rakor/MeetingsView.vue')
const MeetingView = () => import('./views/rakor/MeetingView.vue')
const DeckView = () => import('./views/rakor/DeckView.vue')
const RegisterView = () => import('./views/rakor/RegisterView.vue')
const ChallengesView = () => import('./views/rakor/ChallengesView.vue')
const PrintView = () => import('./views/rakor/PrintView.vue')
const ExchangeView = () => import('./views/ExchangeView.vue')
const RegionsView = () => import('./views/RegionsView.vue')
const SettingsView = () => import('./views/SettingsView.vue')
const AboutView = () => import('./views/AboutView.vue')

// Once the first screen is drawn, the other screens are fetched while the
// app is idle, so the first visit to each is as quick as before they were
// split. One at a time, each after a pause: all at once would hold the page
// (WebKitGTK has no requestIdleCallback) just when the user starts to use it.
// Naive UI first: every screen but home is drawn with it.
export async function prefetchScreens() {
  const all = [prefetchNaive, ComparisonView, IndicatorsView, ProgramsView, MeetingsView, MeetingView, DeckView, RegisterView,
    ChallengesView, PrintView, ExchangeView, RegionsView, SettingsView, AboutView]
  const idle = () => new Promise<void>((resolve) =>
    'requestIdleCallback' in window ? window.requestIdleCallback(() => resolve()) : setTimeout(resolve, 200))
  for (const load of all) {
    await idle()
    await load().catch(() => {})
  }
}

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
