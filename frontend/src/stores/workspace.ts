import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, type Data, type Profile, type SharedRequest, type WorkspaceState } from '../api'
import { i18n, loadLanguage, type Lang } from '../i18n'
import { onLiveChange } from '../composables/useLive'
import { rights } from '../rights'
import { useRegions } from './regions'

// The open workspace, its office profile and the interface language: what
// the shell needs to decide which screen to show.
export const useWorkspace = defineStore('workspace', () => {
  const state = ref<WorkspaceState | null>(null)
  const lang = ref<Lang>('id')
  const busy = ref(false)
  // Counts workspace switches and restores: views key their forms on it to reload.
  const generation = ref(0)

  const phase = computed(() => state.value?.phase ?? 'choose')
  const isDemo = computed(() => state.value?.info?.kind === 'demo')
  const profile = computed(() => state.value?.profile)

  /**
   * The first call: the state, the language and the home screen's regions
   * at once. Returns whether the start timings are to be printed.
   */
  async function load() {
    const b = await api.workspace.boot()
    useRegions().seed(b.provinces ?? [], b.state.profile?.provinceCode, b.regencies ?? [])
    const l = b.language === 'en' ? 'en' : 'id'
    await loadLanguage(l)
    state.value = b.state
    applyLang(l)
    return b.startMarks
  }

  function applyLang(l: Lang) {
    lang.value = l
    i18n.global.locale.value = l
    document.documentElement.lang = l
  }

  async function setLanguage(l: Lang) {
    await Promise.all([api.settings.setLanguage(l), loadLanguage(l)])
    applyLang(l)
    // The state carries sentences worded in Go (why there is no credential
    // store, a damaged workspace's reason): read them again in the new language.
    state.value = await api.workspace.state()
  }

  async function run(fn: () => Promise<WorkspaceState>) {
    busy.value = true
    try {
      state.value = await fn()
      generation.value++
    } catch (e) {
      // A workspace that failed to open (damaged, newer) is described by the state.
      state.value = await api.workspace.state()
      throw e
    } finally {
      busy.value = false
    }
  }

  const openDemo = () => run(api.workspace.openDemo)
  const resetDemo = () => run(api.workspace.resetDemo)
  const openOffice = () => run(api.workspace.openOffice)
  const restore = (path: string) => run(() => api.workspace.restore(path))
  const restoreNewest = () => run(api.workspace.restoreNewest)
  const openFile = (path: string) => run(() => api.workspace.openFile(path))
  const connect = (req: SharedRequest) => run(() => api.workspace.connect(req))
  const createShared = (req: SharedRequest) => run(() => api.workspace.createShared(req))
  const isShared = computed(() => !!state.value?.info?.shared)
  const readOnly = computed(() => !!state.value?.info?.readOnly)
  // A kab/kota office's person in a shared workspace: the one region it
  // writes ("19.01"); '' for every other role.
  const role = computed(() => state.value?.info?.role ?? '')
  const ownRegion = computed(() => (role.value === 'kabkota' ? state.value?.info?.region ?? '' : ''))
  const isRegency = computed(() => ownRegion.value !== '')
  // A bidang person's own bidang; '' for every other role.
  const ownBidang = computed(() => (role.value === 'bidang' ? state.value?.info?.bidang ?? '' : ''))
  // What this person may write: every screen offers only that.
  const may = computed(() => rights({
    role: role.value, region: state.value?.info?.region ?? '', bidang: state.value?.info?.bidang ?? '', readOnly: readOnly.value,
  }))

  // Another PC changed the office profile (working year, head of office,
  // kop): every screen reads it from here.
  onLiveChange(['profile'], async () => {
    if (state.value?.phase === 'ready') state.value = await api.workspace.state()
  })

  async function saveProfile(p: Data<Profile>) {
    const saved = await api.settings.saveProfile(p)
    state.value = await api.workspace.state()
    return saved
  }

  return {
    state, lang, busy, generation, phase, isDemo, profile, readOnly, load, setLanguage, openDemo, resetDemo, openOffice, restore, restoreNewest,
    openFile, saveProfile, connect, createShared, isShared, role, ownRegion, ownBidang, isRegency, may,
  }
})
