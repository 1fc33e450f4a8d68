// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { mount, flushPromises } from '@vue/test-utils'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { useDeckKeys } from './useDeckKeys'

// The deck as the projector's keyboard drives it: five slides, the third
// holding the decisions, a draft that must not be lost on the way out.
async function mountDeck() {
  const draft = ref('')
  const o = {
    slideCount: () => 5,
    onDecisions: () => deck.index.value === 2,
    exitTo: () => '/meeting',
    draft,
    saveDraft: vi.fn(async () => {
      draft.value = ''
      return true
    }),
    typeDecision: vi.fn(),
    scrollDecisions: vi.fn(),
    leftBox: vi.fn(),
    moved: vi.fn(),
  }
  let deck!: ReturnType<typeof useDeckKeys>
  const Deck = defineComponent({
    setup() {
      deck = useDeckKeys(o)
      return () => h('div', [h('textarea', { 'data-testid': 'box' })])
    },
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/deck', component: Deck }, { path: '/meeting', component: { render: () => h('p', 'meeting') } }],
  })
  await router.push('/deck')
  const wrapper = mount(() => h(RouterView), { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  return { deck, o, router, wrapper, draft }
}

const press = async (key: string, target: EventTarget = window) => {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
  await flushPromises()
}

describe("the deck's keys", () => {
  it('move between slides and stop at both ends', async () => {
    const { deck, wrapper } = await mountDeck()
    await press('ArrowRight')
    await press(' ')
    expect(deck.index.value).toBe(2)
    await press('End')
    await press('PageDown')
    expect(deck.index.value).toBe(4)
    await press('Home')
    await press('ArrowLeft')
    expect(deck.index.value).toBe(0)
    wrapper.unmount()
  })

  it('Enter types a decision and the arrows scroll them only on the decisions slide', async () => {
    const { deck, o, wrapper } = await mountDeck()
    await press('Enter')
    expect(o.typeDecision).not.toHaveBeenCalled()
    deck.go(2)
    await press('Enter')
    await press('ArrowDown')
    expect(o.typeDecision).toHaveBeenCalledTimes(1)
    expect(o.scrollDecisions).toHaveBeenCalledWith(1)
    wrapper.unmount()
  })

  it('keys typed in a box stay there; Esc only leaves the box', async () => {
    const { deck, o, router, wrapper } = await mountDeck()
    const box = wrapper.get('[data-testid=box]').element as HTMLTextAreaElement
    box.focus()
    await press('ArrowRight', box)
    expect(deck.index.value).toBe(0)
    await press('Escape', box)
    expect(o.leftBox).toHaveBeenCalled()
    expect(router.currentRoute.value.path).toBe('/deck')
    wrapper.unmount()
  })

  it('I opens the indicator chooser and Esc closes it before leaving the deck', async () => {
    const { deck, router, wrapper } = await mountDeck()
    await press('i')
    expect(deck.choosing.value).toBe(true)
    await press('ArrowRight')
    expect(deck.index.value).toBe(0)
    await press('Escape')
    expect(deck.choosing.value).toBe(false)
    expect(router.currentRoute.value.path).toBe('/deck')
    await press('Escape')
    expect(router.currentRoute.value.path).toBe('/meeting')
    wrapper.unmount()
  })

  it('leaving with an unsaved decision asks: Esc stays, Enter saves it and leaves', async () => {
    const { deck, o, router, wrapper, draft } = await mountDeck()
    draft.value = 'Dinas menyerahkan data triwulan'
    await press('Escape')
    expect(router.currentRoute.value.path).toBe('/deck')
    expect(deck.leaving.value).toBe('/meeting')
    await press('Escape')
    expect(deck.leaving.value).toBeNull()
    expect(router.currentRoute.value.path).toBe('/deck')
    await press('Escape')
    await press('Enter')
    await nextTick()
    expect(o.saveDraft).toHaveBeenCalledTimes(1)
    expect(router.currentRoute.value.path).toBe('/meeting')
    wrapper.unmount()
  })
})
