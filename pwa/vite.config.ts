/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { VantResolver } from '@vant/auto-import-resolver'
import Components from 'unplugin-vue-components/vite'
import { defineConfig } from 'vite'
import { appShell } from './scripts/app-shell.ts'
import { persistedQueries } from './scripts/persisted-queries.ts'
import pkg from './package.json' with { type: 'json' }

// The backend (python -m backend serve) listens here during development.
const BACKEND = process.env.TONGBAN_BACKEND ?? 'http://127.0.0.1:8000'

export default defineConfig({
  plugins: [
    vue(),
    Components({ resolvers: [VantResolver()], dts: 'src/components.d.ts' }),
    persistedQueries(),
    appShell(),
  ],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/graphql': { target: BACKEND, ws: true },
      // A case's PDFs; /cases/... without .pdf are the app's own pages.
      '^/cases/[^/]+/[a-z]+\\.pdf$': { target: BACKEND },
    },
  },
  build: {
    // dist/.vite/manifest.json: the app-shell step reads it to preload each route's chunk.
    manifest: true,
    target: 'es2020',
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      // The generated documents are `new TypedDocumentString(...)`: pure, so the fragments'
      // own documents, which nothing sends, are left out of the bundle.
      treeshake: { manualPureFunctions: ['TypedDocumentString'] },
      // Vue, the router and Pinia change less often than the app and every page needs them:
      // one long-cached chunk. Vant is not in it: each component (with its CSS, imported by
      // the resolver above) goes with the pages that use it, so a page loads only its own.
      // The clerks' QR decoder (barcode-detector + ZXing's glue, ~45 kB) stays a chunk of its
      // own, loaded by the 验证 page only.
      output: {
        codeSplitting: {
          groups: [
            { name: 'qr-decoder', test: /node_modules[\\/](barcode-detector|zxing-wasm)[\\/]/, priority: 1 },
            {
              name: 'vendor',
              test: /node_modules[\\/](@vue|vue|vue-router|pinia)[\\/]/,
            },
            {
              name: 'common',
              test: /[\\/]src[\\/](components|composables|graphql|utils|stores|a11y|locales)[\\/]|node_modules[\\/](vant|@vant)[\\/]/,
              minShareCount: 2,
            },
          ],
        },
      },
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
  },
})
