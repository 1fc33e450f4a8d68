import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { readFileSync } from 'node:fs'
import type { Plugin } from 'vite'

// src/i18n/labels.ts reads the backend's catalogue for its field labels and
// the few message words it names: the build keeps those, not every backend
// message in both languages (a tenth of the first screen's script). A word
// is kept when its code is written in labels.ts. Tests read the whole file.
function catalogueSubset(): Plugin {
  return {
    name: 'selaras-catalogue-subset',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('/backend/fault/catalog.json')) return null
      const named = readFileSync(new URL('./src/i18n/labels.ts', import.meta.url), 'utf8')
      const cat = JSON.parse(code) as { labels: unknown; messages: Record<string, unknown> }
      const messages = Object.fromEntries(Object.entries(cat.messages).filter(([k]) => named.includes(`'${k}'`)))
      return { code: JSON.stringify({ labels: cat.labels, messages }), map: null }
    },
  }
}

export default defineConfig({
  plugins: [vue(), catalogueSubset()],
  // src/i18n/labels.ts reads the backend's catalogue (backend/fault/catalog.json).
  server: { fs: { allow: ['..'] } },
  build: {
    // The app runs offline in a webview: no CDN, everything bundled.
    chunkSizeWarningLimit: 2000,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    // A component test's first mount imports Naive UI cold; on a busy CI
    // machine that alone can pass Vitest's 5 s default.
    testTimeout: 30_000,
  },
})
