import { test } from 'node:test'
import assert from 'node:assert/strict'
import { expect, toBeOnScreen } from './expect.mjs'
import { sharedBrowser, shot, withApp } from './harness.mjs'
import { Comparison, Shell } from './pages.mjs'

const browser = sharedBrowser()

/**
 * Chooses a province in the comparison screen and returns the milliseconds
 * from the click on its option to its kab/kota on screen (printed, not asserted).
 */
async function chooseProvince(page, name, code) {
  const option = page.locator('.n-base-select-option', { hasText: name }).first()
  for (let attempt = 0; ; attempt++) {
    await page.getByTestId('cmp-province').click()
    await page.keyboard.type(name)
    try {
      await option.waitFor({ timeout: 8000 })
      break
    } catch (e) {
      if (attempt > 1) throw e
      await page.keyboard.press('Escape') // the menu closed under a busy machine: open it again
    }
  }
  return option.evaluate((el, code) => new Promise((done) => {
    const t0 = performance.now()
    el.click()
    const seen = () => document.querySelector(`[data-region^="${code}."]`)
    const tick = () => (seen() ? requestAnimationFrame(() => done(performance.now() - t0)) : requestAnimationFrame(tick))
    tick()
  }), code)
}

const layout = (page, label) => page.getByTestId('matrix-layout').locator('label', { hasText: label }).click()

for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
  test(`Jawa Timur's 38 kab/kota beside the provincial target at ${viewport.width}x${viewport.height}`, async () => {
    await withApp(browser(), { demo: true, viewport }, async (page) => {
      await new Shell(page).go('Perbandingan Target')
      const cmp = new Comparison(page)
      await expect(cmp.matrix).toBeVisible()
      const ms = []
      for (let i = 0; i < 3; i++) {
        ms.push(await chooseProvince(page, 'Jawa Timur', '35'))
        if (i < 2) await chooseProvince(page, 'Kepulauan Bangka Belitung', '19')
      }
      // The share of the bridge: the bound call alone, and what crosses it.
      const bridge = await page.evaluate(async () => {
        const t0 = performance.now()
        const m = await window.go.app.Targets.Matrix('35', [2025])
        return { ms: performance.now() - t0, kb: JSON.stringify(m).length / 1024 }
      })
      console.log(`speed: Jawa Timur (38 kab/kota) on screen ${ms.map((x) => x.toFixed(0)).join(', ')} ms at ${viewport.width}x${viewport.height}; ` +
        `the bound Matrix call alone ${bridge.ms.toFixed(0)} ms for ${bridge.kb.toFixed(0)} KB`)
      const firstRow = page.locator('tr[data-indicator]').first()
      const regencies = firstRow.locator('td[data-region]')
      await expect(regencies).toHaveCount(38)
      await expect(page.getByTestId('legend')).toBeVisible()
      await toBeOnScreen(page.getByTestId('legend'))

      // Scrolled to the last kab/kota, the reference columns stay beside it.
      await page.getByTestId('matrix-scroller').evaluate((el) => (el.scrollLeft = el.scrollWidth))
      await toBeOnScreen(regencies.last())
      await toBeOnScreen(firstRow.locator('[data-ref=province]'))
      await shot(page, `60-matrix-jatim-end-${viewport.width}`)

      // Turned: kab/kota as rows, the reference rows stay on top.
      await layout(page, 'Kab/kota per baris')
      await expect(cmp.matrix).toHaveAttribute('data-layout', 'regions')
      await page.getByTestId('matrix-scroller').evaluate((el) => { el.scrollTop = el.scrollHeight; el.scrollLeft = 0 })
      await page.waitForTimeout(300)
      await shot(page, `61-matrix-jatim-regions-${viewport.width}`)
      await toBeOnScreen(page.locator('tr[data-row-region]').last().locator('td').first())
      await toBeOnScreen(page.locator('[data-ref=province]').first())
      await toBeOnScreen(page.getByTestId('legend'))

      // The layout is remembered.
      await page.reload()
      await expect(page.getByTestId('matrix')).toHaveAttribute('data-layout', 'regions')

      // One indicator for the projector: all 38 with the provincial target, flags in words.
      await layout(page, 'Tayang satu indikator')
      await chooseProvince(page, 'Jawa Timur', '35')
      const tiles = page.locator('[data-layout=projector] [data-region]')
      await expect(tiles).toHaveCount(38)
      await expect(page.locator('[data-layout=projector]')).toContainText('N di bawah nasional') // flags in words
      assert.ok(!(await page.locator('[data-layout=projector]').innerText()).includes('flags'), 'no message key on screen')
      await shot(page, `62-matrix-jatim-projector-${viewport.width}`)
      if (viewport.width === 1920) {
        await toBeOnScreen(tiles.last())
        await toBeOnScreen(tiles.first())
        await toBeOnScreen(page.locator('[data-layout=projector] [data-ref=province]'))
      }
      await layout(page, 'Indikator per baris')
    })
  })
}

test('an empty chart says why and what to do; the national line is inside the axis', async () => {
  await withApp(browser(), { demo: true }, async (page) => {
    await new Shell(page).go('Perbandingan Target')
    const cmp = new Comparison(page)
    await expect(cmp.matrix).toBeVisible()
    await chooseProvince(page, 'Jawa Timur', '35')
    await cmp.tab('Per indikator')
    await expect(page.getByTestId('regency-chart')).toBeVisible()
    await shot(page, '63-indicator-jatim')
    // Headings and figures on one line each.
    const wrapped = await page.getByTestId('indicator-table').evaluate((el) =>
      [...el.querySelectorAll('th, td')].filter((c) => {
        if (!c.innerText.trim() || c.querySelector('.n-tag')) return false
        const range = document.createRange()
        range.selectNodeContents(c)
        // Text on more than one line has rects at more than one height.
        const tops = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).map((r) => r.top)
        return Math.max(...tops) - Math.min(...tops) > 10
      }).map((c) => c.innerText))
    assert.deepEqual(wrapped, [], 'no heading or value wraps')

    await page.getByTestId('indicator-select').click()
    await page.keyboard.type('PDRB.01')
    await page.locator('.n-base-select-option', { hasText: 'PDRB.01' }).first().click()
    await expect(page.getByTestId('regency-chart-empty')).toContainText('Belum ada target atau realisasi kab/kota')
    await expect(page.getByTestId('regency-chart-empty')).toContainText('Isian data')
    await shot(page, '64-indicator-empty')
  })
})
