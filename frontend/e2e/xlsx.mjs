// Reads the sheet names of an .xlsx file straight from its zip, so the
// end-to-end tests can check what the real backend wrote.
import { readFile } from 'node:fs/promises'
import { inflateRawSync } from 'node:zlib'

function entry(buf, wanted) {
  let eocd = buf.length - 22
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--
  if (eocd < 0) throw new Error('not a zip file')
  const count = buf.readUInt16LE(eocd + 10)
  let p = buf.readUInt32LE(eocd + 16)
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10)
    const size = buf.readUInt32LE(p + 20)
    const nameLen = buf.readUInt16LE(p + 28)
    const skip = nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32)
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen)
    if (name === wanted) {
      const local = buf.readUInt32LE(p + 42)
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
      const data = buf.subarray(start, start + size)
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8')
    }
    p += 46 + skip
  }
  throw new Error(`${wanted} not in the workbook`)
}

/** The names of the sheets, in workbook order. */
export async function sheetNames(path) {
  const xml = entry(await readFile(path), 'xl/workbook.xml')
  return [...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])
}

/** The names of every file in the workbook's zip (sheets, drawings, images). */
export async function entryNames(path) {
  const buf = await readFile(path)
  let eocd = buf.length - 22
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--
  if (eocd < 0) throw new Error('not a zip file')
  const count = buf.readUInt16LE(eocd + 10)
  let p = buf.readUInt32LE(eocd + 16)
  const out = []
  for (let i = 0; i < count; i++) {
    const nameLen = buf.readUInt16LE(p + 28)
    out.push(buf.toString('utf8', p + 46, p + 46 + nameLen))
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32)
  }
  return out
}

/** One file of the workbook's zip, as text (an XML part). */
export async function entryText(path, name) {
  return entry(await readFile(path), name)
}
