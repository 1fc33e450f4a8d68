import { describe, test } from 'node:test'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { expect } from './expect.mjs'
import { sharedBrowser, shot, withApp } from './harness.mjs'
import { Shell } from './pages.mjs'

const browser = sharedBrowser()

/** Holds the workspace's write lock from another process, as an import on another PC would. */
async function holdWriteLock(db) {
  const p = spawn('sqlite3', [db], { stdio: ['pipe', 'ignore', 'inherit'] })
  p.stdin.write('BEGIN IMMEDIATE;\n')
  await sleep(500)
  return async () => {
    p.stdin.end('ROLLBACK;\n.quit\n')
    await new Promise((ok) => (p.exitCode !== null ? ok() : p.once('exit', ok)))
  }
}

describe('driver refusals reach the user as what to do', () => {
  test('a save while another process writes says the workspace is busy, in both languages', () =>
    withApp(browser(), { demo: true }, async (page, app) => {
      const shell = new Shell(page)
      await shell.go('Pengaturan')
      const save = page.getByRole('button', { name: 'Simpan', exact: true }).first()
      await expect(save).toBeVisible()

      const release = await holdWriteLock(join(app.dir, 'demo.db'))
      try {
        await save.click()
        // The store waits out its 5 s busy timeout before refusing.
        await expect(page.getByText('sedang dipakai oleh proses lain').first()).toBeVisible({ timeout: 15000 })
        await shot(page, '90-database-busy-id')
        await expect(page.getByText('database is locked')).toHaveCount(0)

        await shell.language('en')
        const saveEN = page.getByRole('button', { name: 'Save', exact: true }).first()
        await saveEN.click()
        await expect(page.getByText('is busy in another process').first()).toBeVisible({ timeout: 15000 })
        await shot(page, '91-database-busy-en')
        await expect(page.getByText('SQLITE_BUSY')).toHaveCount(0)
      } finally {
        await release()
      }
      // Once the other process is done, the same save goes through.
      await page.getByRole('button', { name: 'Save', exact: true }).first().click()
      await expect(page.locator('.n-message', { hasText: /^Saved$/ })).toBeVisible({ timeout: 8000 })
    }))
})
