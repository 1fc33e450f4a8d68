import { test } from 'node:test'
import assert from 'node:assert/strict'
import { expect, onScreen, toBeOnScreen } from './expect.mjs'
import { sharedBrowser, shot, withApp } from './harness.mjs'
import { Comparison, Shell } from './pages.mjs'

const browser = sharedBrowser()

/**
 * Chooses a province in the comparison screen and returns the milliseconds
 * from the click on its option to its kab/kota painted (printed, not asserted).
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

/** How many of the elements are wholly on screen (inside the window and their scrolling box). */
async function countOnScreen(locator) {
  let n = 0
  for (const el of await locator.all()) if (await onScreen(el)) n++
  return n
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

for (const [viewport, wantRegions] of [[{ width: 1366, height: 768 }, 6], [{ width: 1920, height: 1080 }, 12]]) {
  const size = `${viewport.width}x${viewport.height}`
  test(`Jawa Timur's 38 kab/kota beside the references at ${size}: ${wantRegions} and 8 indicators at once, only they rendered`, async () => {
    await withApp(browser(), { demo: true, viewport }, async (page) => {
      await new Shell(page).go('Perbandingan Target')
      const cmp = new Comparison(page)
      await expect(cmp.matrix).toBeVisible()
      const ms = []
      for (let i = 0; i < 5; i++) {
        ms.push(await chooseProvince(page, 'Jawa Timur', '35'))
        if (i < 4) await chooseProvince(page, 'Kepulauan Bangka Belitung', '19')
      }
      // The share of the bridge: the bound call alone, and what crosses it.
      const bridge = await page.evaluate(async () => {
        const t0 = performance.now()
        const m = await window.go.app.Targets.Matrix('35', [2025])
        return { ms: performance.now() - t0, kb: JSON.stringify(m).length / 1024 }
      })
      console.log(`speed: Jawa Timur (38 kab/kota) painted ${ms.map((x) => x.toFixed(0)).join(', ')} ms (median ${median(ms).toFixed(0)}) ` +
        `after choosing it at ${size}; the bound Matrix call alone ${bridge.ms.toFixed(0)} ms for ${bridge.kb.toFixed(0)} KB`)

      // What a Kabid sees at once: kab/kota beside the frozen references, and indicators.
      const firstRow = page.locator('tr[data-indicator]').first()
      const regencies = firstRow.locator('td[data-region]')
      const rendered = await regencies.count()
      const seen = await countOnScreen(regencies)
      const rows = await countOnScreen(page.locator('tr[data-indicator] th'))
      console.log(`screen: ${seen} kab/kota and ${rows} indicators on screen at ${size}; ${rendered} of 38 kab/kota columns rendered`)
      assert.ok(seen >= wantRegions, `${seen} kab/kota on screen, want at least ${wantRegions}`)
      assert.ok(rows >= 8, `${rows} indicators on screen, want at least 8`)
      assert.ok(rendered < 38, `only the columns on screen are rendered, not ${rendered}`)
      await toBeOnScreen(firstRow.locator('[data-ref=province]'))
      await toBeOnScreen(page.getByTestId('legend'))
      // One scrolling box: the page itself does not scroll.
      const pageScrolls = await page.getByTestId('content').evaluate((el) => el.scrollHeight > el.clientHeight + 1)
      assert.equal(pageScrolls, false, 'the comparison screen fits the window; only the matrix scrolls')
      await shot(page, `60-matrix-jatim-${viewport.width}`)

      // Scrolled to the last kab/kota, the reference columns stay beside it.
      await page.getByTestId('matrix-scroller').evaluate((el) => (el.scrollLeft = el.scrollWidth))
      await toBeOnScreen(firstRow.locator('td[data-region="35.79"]'))
      await toBeOnScreen(firstRow.locator('[data-ref=province]'))
      await shot(page, `60-matrix-jatim-end-${viewport.width}`)

      // The density: roomy shows fewer kab/kota, fit chooses again.
      await page.getByTestId('matrix-density').locator('label', { hasText: 'Lega' }).click()
      await page.getByTestId('matrix-scroller').evaluate((el) => (el.scrollLeft = 0))
      await page.waitForTimeout(300)
      const roomy = await countOnScreen(page.locator('tr[data-indicator]').first().locator('td[data-region]'))
      assert.ok(roomy < seen, `roomy shows fewer kab/kota (${roomy}) than fit (${seen})`)
      await shot(page, `60-matrix-jatim-roomy-${viewport.width}`)
      await page.getByTestId('matrix-density').locator('label', { hasText: 'Pas layar' }).click()

      // Turned: kab/kota as rows, the reference rows stay on top.
      await layout(page, 'Kab/kota per baris')
      await expect(cmp.matrix).toHaveAttribute('data-layout', 'regions')
      await page.waitForTimeout(300)
      const regionRows = await countOnScreen(page.locator('tr[data-row-region] th'))
      const indicatorCols = await countOnScreen(page.locator('th[data-indicator]'))
      console.log(`screen: kab/kota as rows, ${regionRows} kab/kota and ${indicatorCols} indicators on screen at ${size}`)
      assert.ok(regionRows >= 6, `${regionRows} kab/kota rows on screen`)
      assert.ok(indicatorCols >= 8, `${indicatorCols} indicator columns on screen`)
      await shot(page, `61-matrix-jatim-regions-top-${viewport.width}`)
      await page.getByTestId('matrix-scroller').evaluate((el) => { el.scrollTop = el.scrollHeight; el.scrollLeft = 0 })
      await page.waitForTimeout(300)
      await shot(page, `61-matrix-jatim-regions-${viewport.width}`)
      await toBeOnScreen(page.locator('tr[data-row-region="35.79"] td').first())
      await toBeOnScreen(page.locator('[data-ref=province]').first())
      await toBeOnScreen(page.getByTestId('legend'))
      assert.ok(await page.locator('tr[data-row-region]').count() < 38, 'only the kab/kota rows on screen are rendered')

      // The layout is remembered.
      await page.reload()
      await expect(page.getByTestId('matrix')).toHaveAttribute('data-layout', 'regions')

      // One indicator for the projector: flags in words of 16 px, none cut.
      await layout(page, 'Tayang satu indikator')
      await chooseProvince(page, 'Jawa Timur', '35')
      const wall = page.locator('[data-layout=projector]')
      await expect(wall).toContainText('N di bawah nasional')
      assert.ok(!(await wall.innerText()).includes('flags'), 'no message key on screen')
      const cut = await wall.evaluate((el) => [...el.querySelectorAll('[data-region]')].flatMap((tile) => {
        const box = tile.getBoundingClientRect()
        return [...tile.querySelectorAll('.word')].filter((w) => {
          const r = w.getBoundingClientRect()
          return r.right > box.right + 1 || r.bottom > box.bottom + 1 || w.scrollWidth > w.clientWidth + 1
        }).map((w) => `${tile.dataset.region}: ${w.textContent}`)
      }))
      assert.deepEqual(cut, [], 'no flag is cut in a tile')
      const small = await page.evaluate(() => [...document.querySelectorAll('[data-layout=projector] .word, [data-testid=legend] .lg')]
        .map((w) => parseFloat(getComputedStyle(w).fontSize)).filter((px) => px < 16))
      assert.deepEqual(small, [], 'legend and flags are 16 px or more on the wall')
      await shot(page, `62-matrix-jatim-projector-${viewport.width}`)
      if (viewport.width === 1920) {
        // All 38 on one screen, none cut at its bottom.
        const tiles = page.locator('[data-layout=projector] [data-region]')
        await expect(tiles).toHaveCount(38)
        assert.equal(await countOnScreen(tiles), 38, 'every tile wholly on the 1920x1080 screen')
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
