import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { runnerImport, type Plugin } from 'vite'
import { messagesModule } from './src/i18n/precompile.ts'

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

// The messages precompiled (src/i18n/precompile.ts): the build's
// src/i18n/id.ts and en.ts are evaluated here and written back as their
// messages, what uses vue-i18n's syntax compiled to functions. With the flags below
// the app bundles vue-i18n without its message compiler, legacy API or
// global components (none is used).
function precompiledMessages(): Plugin {
  return {
    name: 'selaras-precompiled-messages',
    apply: 'build',
    enforce: 'pre',
    async load(id) {
      if (!/\/src\/i18n\/(id|en)\.ts$/.test(id)) return null
      const root = fileURLToPath(new URL('.', import.meta.url))
      const { module } = await runnerImport<{ default: Record<string, unknown> }>(id, { configFile: false, root, logLevel: 'error' })
      return messagesModule(module.default)
    },
  }
}

export default defineConfig(({ command }) => ({
  plugins: [vue(), catalogueSubset(), precompiledMessages()],
  define: command === 'build'
    ? { __INTLIFY_DROP_MESSAGE_COMPILER__: 'true', __VUE_I18N_LEGACY_API__: 'false', __VUE_I18N_FULL_INSTALL__: 'false', __INTLIFY_PROD_DEVTOOLS__: 'false' }
    : {},
  // src/i18n/labels.ts reads the backend's catalogue (backend/fault/catalog.json).
  server: { fs: { allow: ['..'] } },
  build: {
    // The app runs offline in a webview: no CDN, everything bundled.
    chunkSizeWarningLimit: 2000,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/testSetup.ts'],
    // A component test's first mount imports Naive UI cold; on a busy CI
    // machine that alone can pass Vitest's 5 s default.
    testTimeout: 30_000,
  },
}))
