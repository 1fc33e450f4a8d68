// @ts-check
// The participants' page of a Selaras meeting room: the Daftar Hadir with a
// signature drawn by finger, and the agenda and decisions followed live.
// Plain script, no library, nothing loaded from elsewhere: it runs on any
// phone's browser on the laptop's hotspot, without internet. Every text
// from the server is put in with textContent, never as HTML.
(function () {
  'use strict'
  const base = document.body.dataset.base || './'
  /** @param {string} id */
  const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id))

  const words = {
    id: {
      live: 'Langsung', closed: 'Ruang peserta sudah ditutup oleh sekretariat.', ended: 'Rapat sudah berakhir; ruang peserta ditutup.',
      lost: 'Sambungan ke laptop sekretariat terputus. Pastikan ponsel masih tersambung ke Wi-Fi/hotspot rapat; halaman tersambung lagi sendiri.', tabSign: 'Daftar hadir', tabFollow: 'Agenda & kesepakatan',
      name: 'Nama lengkap (dengan gelar)', nip: 'NIP', nipHint: '18 angka; kosongkan bila bukan PNS', position: 'Jabatan',
      institution: 'Instansi', region: 'Kabupaten/kota atau provinsi', regionNone: 'Pusat / lainnya', signature: 'Tanda tangan',
      clear: 'Hapus', signHint: 'Tanda tangani dengan jari di dalam kotak.', send: 'Kirim daftar hadir', sending: 'Mengirim…',
      privacy: 'Isian ini hanya dikirim ke laptop sekretariat rapat ini, tidak ke internet. Peserta lain tidak melihatnya.',
      again: 'Isi untuk peserta lain', agenda: 'Agenda', agendaNone: 'Agenda belum diisi.', decisions: 'Kesepakatan',
      decisionsNone: 'Belum ada kesepakatan. Kesepakatan muncul di sini saat diketik sekretariat.', pdf: 'Unduh PDF',
      xlsx: 'Unduh Excel', groupHome: 'Provinsi dan kabupaten/kota', groupOther: 'Provinsi lain',
      needName: 'Nama wajib diisi.', needSign: 'Tanda tangan masih kosong; tanda tangani dengan jari di dalam kotak.',
      nipLength: 'NIP terdiri atas 18 angka (yang diketik {n}); kosongkan bila bukan PNS.',
      offline: 'Tidak tersambung ke laptop sekretariat. Pastikan ponsel masih tersambung ke Wi-Fi/hotspot rapat, lalu coba lagi.',
      thanks: 'Terima kasih, {name}. Kehadiran Anda pada {day} tercatat.', thanksDay: 'Terima kasih, {name}. Kehadiran hari ke-{no} ({day}) tercatat.',
      already: '{name} sudah tercatat hadir pada {day}; tanda tangan pertama yang disimpan.',
      dayLine: 'Daftar hadir {day}', dayLineOf: 'Daftar hadir hari ke-{no} dari {n}: {day}',
      opensOn: 'Daftar hadir dapat diisi pada hari rapat, mulai {day}. Agenda dan kesepakatan dapat diikuti sekarang.',
      notToday: 'Hari ini bukan hari rapat; daftar hadir tidak dapat diisi.', updated: 'Diperbarui {time}',
      due: 'batas {due}', notAgreed: 'Belum disepakati', presenter: '{who}',
    },
    en: {
      live: 'Live', closed: 'The secretariat has closed the participants’ room.', ended: 'The meeting has ended; the participants’ room is closed.',
      lost: 'The connection to the secretariat’s laptop was lost. Check that the phone is still on the meeting’s Wi-Fi/hotspot; the page reconnects by itself.', tabSign: 'Attendance', tabFollow: 'Agenda & decisions',
      name: 'Full name (with titles)', nip: 'NIP', nipHint: '18 digits; leave empty if not a civil servant', position: 'Position',
      institution: 'Institution', region: 'Regency/city or province', regionNone: 'Central / other', signature: 'Signature',
      clear: 'Clear', signHint: 'Sign with your finger inside the box.', send: 'Send attendance', sending: 'Sending…',
      privacy: 'This form goes only to this meeting’s secretariat laptop, not to the internet. Other participants do not see it.',
      again: 'Fill in for another participant', agenda: 'Agenda', agendaNone: 'No agenda yet.', decisions: 'Decisions',
      decisionsNone: 'No decisions yet. They appear here as the secretariat types them.', pdf: 'Download PDF',
      xlsx: 'Download Excel', groupHome: 'Province and regencies', groupOther: 'Other provinces',
      needName: 'The name is required.', needSign: 'The signature is empty; sign with your finger inside the box.',
      nipLength: 'A NIP has 18 digits ({n} typed); leave it empty if you are not a civil servant.',
      offline: 'Not connected to the secretariat’s laptop. Check that the phone is still on the meeting’s Wi-Fi/hotspot, then try again.',
      thanks: 'Thank you, {name}. Your attendance on {day} is recorded.', thanksDay: 'Thank you, {name}. Your attendance on day {no} ({day}) is recorded.',
      already: '{name} was already recorded present on {day}; the first signature is kept.',
      dayLine: 'Attendance list, {day}', dayLineOf: 'Attendance list, day {no} of {n}: {day}',
      opensOn: 'The attendance list can be signed on the meeting days, from {day}. The agenda and decisions can be followed now.',
      notToday: 'Today is not a meeting day; the attendance list cannot be signed.', updated: 'Updated {time}',
      due: 'due {due}', notAgreed: 'Not agreed', presenter: '{who}',
    },
  }
  /** @type {'id'|'en'} */
  let lang = localStorage.getItem('selaras.room.lang') === 'en' ? 'en' : 'id'
  /** @param {string} key @param {Record<string, string|number>} [args] */
  function t(key, args) {
    let s = /** @type {Record<string,string>} */ (words[lang])[key] || key
    const values = args || {}
    for (const k in values) s = s.split('{' + k + '}').join(String(values[k]))
    return s
  }
  /** @type {any} */
  let view = null
  /** @type {any} */
  let lastProblem = null
  /** @type {any} */
  let lastDone = null

  function translate() {
    document.documentElement.lang = lang
    document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(/** @type {HTMLElement} */ (el).dataset.t || '') })
    $('lang').textContent = lang === 'id' ? 'EN' : 'ID'
    if (view) render(view)
    if (lastProblem) showProblems([lastProblem])
    if (lastDone) showDone(lastDone)
    if (!$('closed').hidden) $('closed').textContent = t(closedWhy === 'ended' ? 'ended' : 'closed')
    fillRegions()
  }
  $('lang').addEventListener('click', () => {
    lang = lang === 'id' ? 'en' : 'id'
    localStorage.setItem('selaras.room.lang', lang)
    translate()
  })

  // ---- tabs ----
  /** @param {'hadir'|'ikuti'} name */
  function showTab(name) {
    for (const n of ['hadir', 'ikuti']) {
      $('tab-' + n).setAttribute('aria-selected', String(n === name))
      $(n).hidden = n !== name
    }
  }
  $('tab-hadir').addEventListener('click', () => showTab('hadir'))
  $('tab-ikuti').addEventListener('click', () => showTab('ikuti'))

  // ---- the view: the meeting, agenda and decisions ----
  /** @type {Map<number, string>} */
  let seen = new Map()
  /** @param {any} v */
  function render(v) {
    const first = view === null
    view = v
    $('title').textContent = v.title
    document.title = v.title + ' · Selaras'
    $('dates').textContent = [v.dates, v.venue].filter(Boolean).join(' · ')
    const signing = v.dayNo > 0
    $('form').hidden = !signing || !$('done').hidden
    $('not-today').hidden = signing
    $('not-today').textContent = v.opensOn ? t('opensOn', { day: v.opensOn }) : t('notToday')
    $('day-line').textContent = v.days > 1 ? t('dayLineOf', { no: v.dayNo, n: v.days, day: v.dayName }) : t('dayLine', { day: v.dayName })
    if (first && !signing) showTab('ikuti')

    const agenda = $('agenda')
    agenda.replaceChildren(...v.agenda.map((/** @type {any} */ a) => {
      const li = el('li', a.current ? 'now' : '')
      li.append(el('span', 'no', String(a.no)))
      const body = el('span', 'body', a.title)
      const meta = [a.day, a.time, a.presenter].filter(Boolean).join(' · ')
      if (meta) body.append(el('span', 'meta', meta))
      li.append(body)
      return li
    }))
    $('agenda-none').hidden = v.agenda.length > 0

    const list = $('decisions')
    const next = new Map()
    list.replaceChildren(...v.decisions.map((/** @type {any} */ d) => {
      const li = el('li', d.notAgreed ? 'na' : '')
      li.dataset.number = String(d.no)
      li.append(el('span', 'no', d.no + '.'))
      const body = el('span', 'body')
      body.append(el('span', 'text', d.text))
      const meta = el('span', 'meta', [d.owner, d.due ? t('due', { due: d.due }) : ''].filter(Boolean).join(' · '))
      meta.append(el('span', d.notAgreed ? 'tag na' : 'tag', d.notAgreed ? t('notAgreed') : d.status))
      body.append(meta)
      if (d.notAgreed && d.reason) body.append(el('span', 'meta', d.reason))
      li.append(body)
      const sig = d.text + '|' + d.status + '|' + d.notAgreed + '|' + d.owner + '|' + d.due
      if (!first && seen.get(d.no) !== sig) {
        li.classList.add('fresh')
        setTimeout(() => li.classList.remove('fresh'), 1600)
      }
      next.set(d.no, sig)
      return li
    }))
    seen = next
    $('decisions-none').hidden = v.decisions.length > 0
    $('downloads').hidden = !v.downloads
    $('pdf').setAttribute('href', base + 'kesepakatan.pdf')
    $('xlsx').setAttribute('href', base + 'kesepakatan.xlsx')
    const now = new Date()
    $('updated').textContent = t('updated', { time: String(now.getHours()).padStart(2, '0') + '.' + String(now.getMinutes()).padStart(2, '0') })
  }

  /** @param {string} tag @param {string} [cls] @param {string} [text] */
  function el(tag, cls, text) {
    const e = document.createElement(tag)
    if (cls) e.className = cls
    if (text !== undefined) e.textContent = text
    return e
  }

  // ---- following live: server-sent events, the view whole each time ----
  /** @type {EventSource|null} */
  let source = null
  function follow() {
    source = new EventSource(base + 'api/ikuti')
    source.addEventListener('keadaan', (e) => {
      $('live').hidden = false
      $('lost').hidden = true
      render(JSON.parse(/** @type {MessageEvent} */ (e).data))
    })
    // The room says it is closing before it cuts the connection.
    source.addEventListener('tutup', (e) => {
      let why = ''
      try { why = JSON.parse(/** @type {MessageEvent} */ (e).data).why } catch { /* an older room */ }
      roomClosed(why)
    })
    source.onerror = () => {
      $('live').hidden = true
      if (!source) return
      // Closed for good (the room answers so) or a dropped Wi-Fi (nothing answers)?
      fetch(base + 'api/keadaan', { cache: 'no-store' }).then((r) => {
        if (r.status === 404 || r.status === 410) roomClosed('')
      }, () => { if (source) $('lost').hidden = false })
    }
  }
  let closedWhy = ''
  /** @param {string} why */
  function roomClosed(why) {
    if (source) source.close()
    source = null
    closedWhy = why
    $('live').hidden = true
    $('lost').hidden = true
    $('closed').textContent = t(why === 'ended' ? 'ended' : 'closed')
    $('closed').hidden = false
    $('form').hidden = true
  }

  // ---- regions ----
  /** @type {any[]} */
  let regions = []
  function fillRegions() {
    const sel = /** @type {HTMLSelectElement} */ ($('region'))
    const chosen = sel.value
    const none = el('option', '', t('regionNone'))
    none.setAttribute('value', '')
    const groups = [['provinsi', t('groupHome')], ['lain', t('groupOther')]].map(([g, label]) => {
      const og = document.createElement('optgroup')
      og.label = label
      for (const r of regions.filter((x) => x.group === g)) {
        const o = el('option', '', r.name)
        o.setAttribute('value', r.code)
        og.append(o)
      }
      return og
    }).filter((og) => og.childElementCount > 0)
    sel.replaceChildren(none, ...groups)
    sel.value = chosen
  }

  // ---- the signature pad: pointer events (finger, pen or mouse) ----
  const pad = /** @type {HTMLCanvasElement} */ ($('pad'))
  const ctx = /** @type {CanvasRenderingContext2D} */ (pad.getContext('2d'))
  let inked = 0
  /** @type {{x: number, y: number}|null} */
  let lastPoint = null
  function resetPad() {
    ctx.clearRect(0, 0, pad.width, pad.height)
    ctx.lineWidth = 4
    ctx.lineCap = 'round'
    ctx.lineJoin = 'round'
    ctx.strokeStyle = '#111827'
    inked = 0
    pad.classList.remove('inked')
  }
  /** @param {PointerEvent} e */
  function point(e) {
    const r = pad.getBoundingClientRect()
    return { x: (e.clientX - r.left) * (pad.width / r.width), y: (e.clientY - r.top) * (pad.height / r.height) }
  }
  pad.addEventListener('pointerdown', (e) => {
    e.preventDefault()
    pad.setPointerCapture(e.pointerId)
    lastPoint = point(e)
    ctx.beginPath()
    ctx.arc(lastPoint.x, lastPoint.y, 1.5, 0, Math.PI * 2)
    ctx.fillStyle = '#111827'
    ctx.fill()
  })
  pad.addEventListener('pointermove', (e) => {
    if (!lastPoint) return
    e.preventDefault()
    const p = point(e)
    ctx.beginPath()
    ctx.moveTo(lastPoint.x, lastPoint.y)
    ctx.lineTo(p.x, p.y)
    ctx.stroke()
    inked += Math.hypot(p.x - lastPoint.x, p.y - lastPoint.y)
    lastPoint = p
    if (inked > 30) pad.classList.add('inked')
  })
  for (const ev of ['pointerup', 'pointercancel', 'pointerleave']) pad.addEventListener(ev, () => { lastPoint = null })
  $('clear').addEventListener('click', resetPad)

  // ---- sending the form ----
  /** @param {{field?: string, message: string, messageEn?: string}[]} problems */
  function showProblems(problems) {
    const box = $('errors')
    document.querySelectorAll('[aria-invalid]').forEach((x) => x.removeAttribute('aria-invalid'))
    box.replaceChildren(...problems.map((p) => el('p', '', lang === 'en' && p.messageEn ? p.messageEn : p.message)))
    box.hidden = problems.length === 0
    for (const p of problems) {
      const field = p.field === 'signature' ? 'pad' : p.field
      const input = field ? document.getElementById(field) : null
      if (input) input.setAttribute('aria-invalid', 'true')
    }
    if (problems.length) box.scrollIntoView({ block: 'center' })
  }
  /** @param {string} id */
  const value = (id) => /** @type {HTMLInputElement} */ ($(id)).value.trim()

  $('form').addEventListener('submit', async (e) => {
    e.preventDefault()
    lastProblem = null
    const nip = value('nip').replace(/[\s.\-]/g, '')
    const local = []
    if (!value('name')) local.push({ field: 'name', message: words.id.needName, messageEn: words.en.needName })
    if (nip && !/^\d{18}$/.test(nip)) {
      const n = String(nip.length)
      local.push({ field: 'nip', message: words.id.nipLength.replace('{n}', n), messageEn: words.en.nipLength.replace('{n}', n) })
    }
    if (inked < 30) local.push({ field: 'signature', message: words.id.needSign, messageEn: words.en.needSign })
    if (local.length) {
      showProblems(local)
      return
    }
    const send = /** @type {HTMLButtonElement} */ ($('send'))
    send.disabled = true
    send.textContent = t('sending')
    try {
      const res = await fetch(base + 'api/hadir', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          name: value('name'), nip, position: value('position'), institution: value('institution'),
          region: /** @type {HTMLSelectElement} */ ($('region')).value, signature: pad.toDataURL('image/png'),
        }),
      })
      const body = await res.json().catch(() => null)
      if (res.ok && body) {
        showProblems([])
        lastDone = body
        showDone(body)
        $('done').hidden = false
        $('form').hidden = true
        return
      }
      if (res.status === 404 || res.status === 410) roomClosed('')
      lastProblem = body && body.message ? body : { message: words.id.offline, messageEn: words.en.offline }
      showProblems([lastProblem])
    } catch {
      lastProblem = { message: words.id.offline, messageEn: words.en.offline }
      showProblems([lastProblem])
    } finally {
      send.disabled = false
      send.textContent = t('send')
    }
  })
  /** @param {any} body what the room recorded */
  function showDone(body) {
    $('done-text').textContent = body.already ? t('already', { name: body.name, day: body.dayName })
      : body.days > 1 ? t('thanksDay', { name: body.name, no: body.dayNo, day: body.dayName }) : t('thanks', { name: body.name, day: body.dayName })
  }
  $('again').addEventListener('click', () => {
    lastDone = null
    for (const id of ['name', 'nip', 'position', 'institution']) /** @type {HTMLInputElement} */ ($(id)).value = ''
    resetPad()
    $('done').hidden = true
    $('form').hidden = false
    $('name').focus()
  })

  // ---- start ----
  resetPad()
  translate()
  fetch(base + 'api/keadaan', { cache: 'no-store' }).then(async (r) => {
    if (r.status === 404 || r.status === 410) return roomClosed('')
    if (r.ok) render(await r.json())
    follow()
  }, () => follow())
  fetch(base + 'api/wilayah').then((r) => (r.ok ? r.json() : [])).then((list) => {
    regions = list
    fillRegions()
  }, () => undefined)
})()
