// Page objects: what a user sees and does, by role and accessible name.

export class Welcome {
  constructor(page) {
    this.page = page
    this.heading = page.getByRole('heading', { name: 'Selamat datang di Selaras' })
  }
  openDemo() {
    return this.page.getByRole('button', { name: 'Buka demo' }).click()
  }
  startOffice() {
    return this.page.getByRole('button', { name: 'Mulai ruang kerja baru' }).click()
  }
}

export class ProfileForm {
  constructor(page) {
    this.page = page
    this.officeName = page.getByTestId('office-name').locator('input')
    this.nip = page.getByTestId('head-nip').locator('input')
  }
  async chooseProvince(name) {
    await this.page.getByTestId('province-select').click()
    await this.page.keyboard.type(name)
    // Naive UI's select options carry no ARIA role; match the rendered option.
    await this.page.locator('.n-base-select-option', { hasText: name }).first().click()
  }
  suggestOfficeName() {
    return this.page.getByRole('button', { name: 'Isi otomatis dari nama provinsi' }).click()
  }
  submit(label = 'Simpan dan mulai') {
    return this.page.getByRole('button', { name: label }).click()
  }
}

/** A new office workspace of Kepulauan Bangka Belitung, its office named as suggested: the start of a spec on empty data. */
export async function startBangkaOffice(page) {
  await new Welcome(page).startOffice()
  const form = new ProfileForm(page)
  await form.chooseProvince('Kepulauan Bangka Belitung')
  await form.suggestOfficeName()
  await form.submit()
}

export class Shell {
  constructor(page) {
    this.page = page
    this.nav = page.getByRole('navigation')
  }
  go(label) {
    return this.nav.getByRole('link', { name: label }).click()
  }
  language(code) {
    return this.page.getByRole('radio', { name: code === 'en' ? 'English' : 'Bahasa Indonesia' }).first().click()
  }
}

/** Opens a meeting of the Rakor area by part of its title. */
export async function openMeeting(page, title) {
  await new Shell(page).go('Rakor')
  await page.getByTestId('meetings').locator('tr', { hasText: title }).click()
  // The meeting's screen loads when first opened: wait until it is there.
  await page.waitForURL(/#\/rakor\/\d+/)
}

/** Adds a challenge on a meeting's Permasalahan tab: its category chosen by typing, its description, saved. */
export async function addChallenge(page, category, description) {
  await page.getByTestId('challenge-add').click()
  await page.getByTestId('challenge-category').click()
  await page.keyboard.type(category)
  await page.locator('.n-base-select-option', { hasText: category }).first().click()
  await page.getByTestId('challenge-description').locator('textarea').fill(description)
  await page.getByTestId('challenge-save').click()
}

/** The Renja rakor of Bangka Belitung, 23 February 2024: the demo meeting most specs use. */
export const RENJA = 'Penyusunan Rencana Kerja (Renja)'

export class Regions {
  constructor(page) {
    this.page = page
    this.search = page.getByTestId('region-search').locator('input')
    this.count = page.getByTestId('region-count')
    this.rows = page.locator('tr[data-code]')
  }
  row(code) {
    return this.page.locator(`tr[data-code="${code}"]`)
  }
}

export class Comparison {
  constructor(page) {
    this.page = page
    this.matrix = page.getByTestId('matrix')
    this.grid = page.getByTestId('value-grid')
    this.gridErrors = page.getByTestId('grid-errors')
  }
  tab(name) {
    // Naive UI's tabs carry no ARIA role; match the rendered tab label.
    return this.page.locator('.n-tabs-tab', { hasText: name }).first().click()
  }
  /** A cell of the entry grid: region code and indicator code. */
  gridCell(region, code) {
    return this.page.locator(`td[data-cell="${region}|${code}"]`)
  }
  /** A regency cell of the matrix for an indicator code. */
  matrixCell(code, region) {
    return this.page.locator(`tr[data-indicator="${code}"] td[data-region="${region}"]`)
  }
  async typeInto(region, code, text) {
    await this.gridCell(region, code).click()
    await this.page.keyboard.type(text)
    await this.page.keyboard.press('Enter')
  }
  /** Pastes a block as Excel puts it on the clipboard, at the focused cell. */
  async paste(region, code, text) {
    await this.gridCell(region, code).click()
    await this.grid.evaluate((el, t) => {
      const dt = new DataTransfer()
      dt.setData('text/plain', t)
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
    }, text)
  }
  async filterFlag(label) {
    await this.page.getByTestId('flag-filter').click()
    await this.page.locator('.n-base-select-option', { hasText: label }).first().click()
  }
}
