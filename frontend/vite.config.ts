import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
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
