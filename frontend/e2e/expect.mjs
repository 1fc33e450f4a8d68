// A small polling expect over Playwright locators (playwright-core ships no
// test runner): each check retries until it holds or the timeout passes.
const TIMEOUT = Number(process.env.E2E_TIMEOUT ?? 10000)

async function poll(describe, check) {
  const deadline = Date.now() + TIMEOUT
  let last
  for (;;) {
    try {
      last = await check()
      if (last.ok) return
    } catch (e) {
      last = { ok: false, got: e.message }
    }
    if (Date.now() > deadline) throw new Error(`expected ${describe}, got ${last?.got}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

export function expect(locator) {
  const name = locator.toString()
  return {
    toBeVisible: () => poll(`${name} to be visible`, async () => ({ ok: await locator.first().isVisible(), got: 'hidden' })),
    toHaveCount: (n) => poll(`${name} count ${n}`, async () => {
      const c = await locator.count()
      return { ok: c === n, got: c }
    }),
    toHaveText: (text) => poll(`${name} text "${text}"`, async () => {
      const t = (await locator.first().innerText()).trim()
      return { ok: t === text, got: `"${t}"` }
    }),
    toContainText: (text) => poll(`${name} to contain "${text}"`, async () => {
      const t = await locator.first().innerText()
      return { ok: t.includes(text), got: `"${t}"` }
    }),
    toBeDisabled: () => poll(`${name} to be disabled`, async () => ({ ok: await locator.first().isDisabled(), got: 'enabled' })),
    toHaveValue: (value) => poll(`${name} value "${value}"`, async () => {
      const v = await locator.first().inputValue()
      return { ok: v === value, got: `"${v}"` }
    }),
    toHaveAttribute: (attr, value) => poll(`${name} [${attr}=${value}]`, async () => {
      const v = await locator.first().getAttribute(attr)
      return { ok: value instanceof RegExp ? value.test(v ?? '') : v === value, got: v }
    }),
  }
}

/**
 * Whether the element is wholly on screen: inside the viewport and inside
 * every scrolling box around it (a row scrolled out of its list is not).
 */
export async function onScreen(locator) {
  return locator.first().evaluate((el) => {
    const r = el.getBoundingClientRect()
    const inside = (b) => r.top >= b.top - 1 && r.bottom <= b.bottom + 1 && r.left >= b.left - 1 && r.right <= b.right + 1
    if (!inside({ top: 0, left: 0, bottom: innerHeight, right: innerWidth })) return false
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p)
      if (/(auto|scroll|hidden)/.test(s.overflowX + s.overflowY) && !inside(p.getBoundingClientRect())) return false
    }
    return true
  })
}

/** Polls until the element is wholly on screen (see onScreen). */
export async function toBeOnScreen(locator) {
  const deadline = Date.now() + TIMEOUT
  while (!(await onScreen(locator).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`expected ${locator} to be wholly on screen`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
