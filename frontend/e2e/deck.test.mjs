import { test } from 'node:test'
import assert from 'node:assert/strict'
import { expect, toBeOnScreen } from './expect.mjs'
import { sharedBrowser, shot, withApp } from './harness.mjs'
import { openMeeting, RENJA } from './pages.mjs'

const browser = sharedBrowser()

const slide = (page) => page.locator('[data-slide]')

test('the projector deck of the Bangka Belitung rakor, walked by keyboard, with a decision typed live', async () => {
  await withApp(browser(), { demo: true }, async (page) => {
    await openMeeting(page, RENJA)
    await page.getByTestId('open-deck').click()
    await expect(slide(page)).toHaveAttribute('data-slide', 'title')
    await expect(page.getByTestId('deck')).toContainText('Jumat, 23 Februari 2024')
    await shot(page, '50-deck-title')

    // Walk forward to the end, recording each slide, then back to the start.
    const total = Number((await page.getByTestId('deck-position').innerText()).split('/')[1])
    const kinds = []
    for (let i = 0; i < total; i++) {
      const kind = await slide(page).getAttribute('data-slide')
      kinds.push(kind)
      if (kind === 'indicator' && !kinds.slice(0, -1).includes('indicator')) {
        await expect(page.getByTestId('deck-chart').locator('canvas')).toBeVisible()
        await shot(page, '52-deck-indicator')
      } else if (!kinds.slice(0, -1).includes(kind)) {
        await shot(page, `51-deck-${i}-${kind}`)
      }
      await page.keyboard.press('ArrowRight')
      await expect(page.getByTestId('deck-position')).toHaveText(`${Math.min(i + 2, total)} / ${total}`)
    }
    assert.equal(kinds[0], 'title')
    assert.ok(kinds.includes('agenda'), kinds.join())
    assert.ok(kinds.includes('indicator'), 'flagged indicators are chosen by default: ' + kinds.join())
    assert.ok(kinds.includes('challenges'), kinds.join())
    assert.equal(kinds.at(-1), 'decisions')
    await expect(page.getByTestId('deck-position')).toHaveText(`${total} / ${total}`) // stays on the last
    await page.keyboard.press('Home')
    await expect(page.getByTestId('deck-position')).toHaveText(`1 / ${total}`)
    await page.keyboard.press('End')

    // Type a decision live; arrows while typing do not move the deck.
    await page.keyboard.press('Enter')
    await page.keyboard.type('Seluruh kab/kota menyampaikan data UMKM terbaru')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('deck-decisions')).toContainText('Seluruh kab/kota menyampaikan data UMKM terbaru')
    await expect(slide(page)).toHaveAttribute('data-slide', 'decisions')
    await page.keyboard.press('Escape') // leaves the text box, not the deck
    await expect(slide(page)).toHaveAttribute('data-slide', 'decisions')
    await shot(page, '53-deck-decisions')

    // The province figure is the snapshot's: 17,65% for the share of cooperatives.
    await page.keyboard.press('Home')
    for (let i = 0; i < total; i++) {
      if ((await slide(page).getAttribute('data-slide')) === 'indicator' &&
        (await page.getByTestId('deck-province-value').innerText()).includes('17,65%')) break
      await page.keyboard.press('ArrowRight')
    }
    await expect(page.getByTestId('deck-province-value')).toHaveText('17,65%')
    await shot(page, '55-deck-rate')

    await page.keyboard.press('Escape')
    await expect(page.getByTestId('meeting-heading')).toContainText('Renja')
    await page.locator('.n-tabs-tab', { hasText: 'Kesepakatan' }).click()
    await expect(page.getByTestId('decisions')).toContainText('Seluruh kab/kota menyampaikan data UMKM terbaru')
  })
})

for (const viewport of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
  test(`the deck fits ${viewport.width}x${viewport.height}, its flags in 16 px or more`, async () => {
    await withApp(browser(), { demo: true, viewport }, async (page) => {
      await openMeeting(page, RENJA)
      await page.getByTestId('open-deck').click()
      await expect(slide(page)).toHaveAttribute('data-slide', 'title')
      for (let i = 0; i < 20 && (await slide(page).getAttribute('data-slide')) !== 'indicator'; i++) await page.keyboard.press('ArrowRight')
      await expect(page.getByTestId('deck-chart').locator('canvas')).toBeVisible()
      await shot(page, `54-deck-indicator-${viewport.width}`)
      // Nothing spills out of the slide.
      const overflow = await page.locator('[data-slide]').evaluate((el) => el.scrollHeight - el.clientHeight)
      assert.ok(overflow <= 1, `slide overflows by ${overflow}px`)
      const small = await page.locator('[data-slide] .flags, [data-slide] .source').evaluateAll((els) =>
        els.map((e) => parseFloat(getComputedStyle(e).fontSize)).filter((px) => px < 16))
      assert.deepEqual(small, [], 'flags and source lines are 16 px or more')
      await page.keyboard.press('End')
      await expect(slide(page)).toHaveAttribute('data-slide', 'decisions')
      await shot(page, `53-deck-decisions-${viewport.width}`)
    })
  })
}

/** Adds decisions through the bound Go method until the meeting has n. */
async function fillDecisions(page, meetingId, n) {
  await page.evaluate(async ({ id, n }) => {
    const rakor = window.go.app.Rakor
    const have = (await rakor.Decisions(id)).length
    for (let i = have; i < n; i++) {
      await rakor.SaveDecision({ id: 0, meetingId: id, number: 0, status: 'baru', text: `Kesepakatan uji nomor ${i + 1} tentang tindak lanjut data UMKM kab/kota` })
    }
  }, { id: meetingId, n })
}

for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
  for (const count of [9, 30]) {
    test(`the newest of ${count} decisions is on the wall after Enter at ${viewport.width}x${viewport.height}`, async () => {
      await withApp(browser(), { demo: true, viewport }, async (page) => {
        await openMeeting(page, RENJA)
        const meetingId = Number(/rakor\/(\d+)/.exec(page.url())[1])
        await fillDecisions(page, meetingId, count - 1)
        await page.getByTestId('open-deck').click()
        await expect(slide(page)).toHaveAttribute('data-slide', 'title')
        await page.keyboard.press('End')
        await expect(slide(page)).toHaveAttribute('data-slide', 'decisions')
        await page.keyboard.press('Enter')
        await page.keyboard.type('Kesepakatan terbaru diketik langsung')
        await page.keyboard.press('Enter')
        const newest = page.getByTestId('deck-decisions').locator('li').last()
        await expect(newest).toContainText('Kesepakatan terbaru diketik langsung')
        await expect(newest).toHaveAttribute('data-number', String(count))
        await toBeOnScreen(newest)
        // Which of them show, in words, when not all fit.
        if (count === 30) await expect(page.getByTestId('deck-range')).toContainText(`dari ${count}`)
        await toBeOnScreen(page.getByTestId('deck-draft'))
        await shot(page, `56-deck-decisions-${count}-${viewport.width}`)

        // The first decision shown is whole under the heading, and numbers line up (9. over 10.).
        const list = page.getByTestId('deck-decisions')
        const geometry = await list.evaluate((el) => {
          const box = el.getBoundingClientRect()
          const items = [...el.querySelectorAll('li')]
          const first = items.find((li) => li.getBoundingClientRect().bottom > box.top + 1)
          return {
            firstCut: first ? box.top - first.getBoundingClientRect().top : 0,
            rights: [...new Set(items.map((li) => Math.round(li.querySelector('.no').getBoundingClientRect().right)))],
            scheme: getComputedStyle(el).colorScheme,
          }
        })
        assert.ok(geometry.firstCut <= 1, `the first decision shown is cut by ${geometry.firstCut}px`)
        assert.equal(geometry.rights.length, 1, `numbers end at one edge: ${geometry.rights}`)
        assert.equal(geometry.scheme, 'dark', 'a dark scrollbar on the dark slide')

        // ↑ scrolls back to the first; the range says so.
        if (count === 30) {
          await page.keyboard.press('Escape') // out of the box: arrows scroll the list
          for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowUp')
          await toBeOnScreen(page.getByTestId('deck-decisions').locator('li').first())
          await expect(page.getByTestId('deck-range')).toContainText('1–')
          // Paged down by whole decisions: the first shown is never cut.
          await page.keyboard.press('ArrowDown')
          await page.waitForTimeout(200)
          const cut = await list.evaluate((el) => {
            const box = el.getBoundingClientRect()
            const first = [...el.querySelectorAll('li')].find((li) => li.getBoundingClientRect().bottom > box.top + 1)
            return box.top - first.getBoundingClientRect().top
          })
          assert.ok(cut <= 1, `after ↓ the first decision shown is cut by ${cut}px`)
          await shot(page, `56-deck-decisions-paged-${viewport.width}`)
        }
      })
    })
  }
}

test('a half-typed decision is kept on Esc and asked about before leaving the deck', async () => {
  await withApp(browser(), { demo: true }, async (page) => {
    await openMeeting(page, RENJA)
    await page.getByTestId('open-deck').click()
    await expect(slide(page)).toHaveAttribute('data-slide', 'title')
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Setengah diketik')
    await page.keyboard.press('Escape') // leaves the box; the text stays
    await expect(page.getByTestId('deck-draft')).toHaveValue('Setengah diketik')
    await page.keyboard.press('Escape') // would leave the deck: asked first
    await expect(page.getByTestId('deck-leave')).toContainText('Setengah diketik')
    await shot(page, '57-deck-leave')
    await page.keyboard.press('Escape') // stay
    await expect(page.getByTestId('deck-leave')).toHaveCount(0)
    await expect(slide(page)).toHaveAttribute('data-slide', 'decisions')

    // Reopened later, the draft is still there; then saved on the way out.
    await page.reload()
    await expect(slide(page)).toHaveAttribute('data-slide', 'title')
    await page.keyboard.press('End')
    await expect(page.getByTestId('deck-draft')).toHaveValue('Setengah diketik')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('deck-leave')).toBeVisible()
    await page.keyboard.press('Enter') // save and leave
    await expect(page.getByTestId('meeting-heading')).toContainText('Renja')
    await page.locator('.n-tabs-tab', { hasText: 'Kesepakatan' }).click()
    await expect(page.getByTestId('decisions')).toContainText('Setengah diketik')
  })
})
