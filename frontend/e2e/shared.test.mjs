// A shared workspace on the test PostgreSQL cluster (SELARAS_TEST_PG): the
// "Ruang kerja bersama" form on the welcome screen creates one in an empty
// database (a wrong password first says so, naming the server), and
// Pengaturan connects a second app to it; the header names it.
import { after, before, describe, test } from 'node:test'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { expect } from './expect.mjs'
import { sharedBrowser, shot, withApp } from './harness.mjs'
import { ProfileForm, Shell } from './pages.mjs'

const super_ = process.env.SELARAS_TEST_PG
const skip = !super_ && !process.env.SELARAS_REQUIRE_PG ? 'SELARAS_TEST_PG is not set' : false
const u = super_ ? new URL(super_) : null
const db = 'connect_e2e_' + randomBytes(4).toString('hex')
const psql = (sql) => execFileSync('psql', [super_, '-v', 'ON_ERROR_STOP=1', '-qc', sql], { stdio: 'pipe' })

const browser = sharedBrowser()

/** Fills the form: the cluster's coordinates, the database and a password. */
async function fill(page, password) {
  const form = page.getByTestId('shared-form')
  await form.getByTestId('shared-host').locator('input').fill(u.hostname)
  await form.getByTestId('shared-port').locator('input').fill(u.port)
  await form.getByTestId('shared-database').locator('input').fill(db)
  await form.getByTestId('shared-user').locator('input').fill(decodeURIComponent(u.username))
  await form.getByTestId('shared-password').locator('input').fill(password)
  await form.getByTestId('shared-tls').click()
  await page.locator('.n-base-select-option', { hasText: 'disable' }).click()
  return form
}

describe('shared workspace', { skip }, () => {
  before(() => psql(`CREATE DATABASE ${db}`))
  after(() => psql(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`))
  const label = () => `${decodeURIComponent(u.username)}@${u.hostname}:${u.port}/${db}`

  test('create it from the welcome screen at 1366x768: a wrong password is refused naming the server', () =>
    withApp(browser(), {}, async (page) => {
      const form = await fill(page, 'salah')
      await expect(form.getByTestId('shared-url')).toHaveText(`postgres://${u.username}@${u.hostname}:${u.port}/${db}?sslmode=disable`)
      await expect(form.getByTestId('shared-remember')).toHaveAttribute('class', /n-checkbox--disabled/) // no credential store here
      await shot(page, 'shared-welcome-1366x768')
      await form.getByTestId('shared-create').click()
      await expect(form.getByTestId('shared-problem')).toContainText(`Server ${u.hostname}:${u.port} menolak kata sandi pengguna`)
      await form.getByTestId('shared-problem').scrollIntoViewIfNeeded()
      await shot(page, 'shared-wrong-password-1366x768')

      await form.getByTestId('shared-password').locator('input').fill(decodeURIComponent(u.password))
      await form.getByTestId('shared-create').click()
      const profile = new ProfileForm(page)
      await profile.chooseProvince('Kepulauan Bangka Belitung')
      await profile.suggestOfficeName()
      await profile.submit()
      await expect(page.getByTestId('workspace-label')).toContainText(`Bersama: ${label()}`)
      await shot(page, 'shared-header-1366x768')
    }))

  test('connect to it from Pengaturan at 1920x1080, leaving the demo', () =>
    withApp(browser(), { demo: true, viewport: { width: 1920, height: 1080 } }, async (page) => {
      await new Shell(page).go('Pengaturan')
      const form = await fill(page, decodeURIComponent(u.password))
      await form.scrollIntoViewIfNeeded()
      await shot(page, 'shared-settings-1920x1080')
      await form.getByTestId('shared-connect').click()
      await expect(page.getByTestId('workspace-label')).toContainText(`Bersama: ${label()}`)
      await expect(page.getByTestId('demo-badge')).toHaveCount(0)
      await expect(page.getByTestId('settings-workspace-path')).toHaveText(label())
      await expect(page.getByTestId('shared-backup-note')).toBeVisible()
      await shot(page, 'shared-settings-connected-1920x1080')
    }))

  test('started on it without a kept password (--db without one): the password is asked, a wrong one said', async () => {
    const noPw = `postgres://${u.username}@${u.hostname}:${u.port}/${db}?sslmode=disable`
    for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
      await withApp(browser(), { viewport, args: ['--db', noPw] }, async (page) => {
        const dialog = page.getByTestId('password-dialog')
        await expect(dialog).toContainText(`Masukkan kata sandi pengguna ${decodeURIComponent(u.username)} untuk ${label()}`)
        await expect(page.getByTestId('open-error')).toHaveCount(0)
        await page.getByTestId('password-input').locator('input').fill('salah')
        await page.getByTestId('password-open').click()
        await expect(page.getByTestId('password-problem')).toContainText('menolak kata sandi')
        await expect(page.getByTestId('open-error')).toHaveCount(0) // said once, in the dialog
        await shot(page, `shared-password-${viewport.width}x${viewport.height}`)
        await page.getByTestId('password-input').locator('input').fill(decodeURIComponent(u.password))
        await page.getByTestId('password-open').click()
        await expect(page.getByTestId('workspace-label')).toContainText(`Bersama: ${label()}`)
        await shot(page, `shared-opened-${viewport.width}x${viewport.height}`)
      })
    }
  })
})
