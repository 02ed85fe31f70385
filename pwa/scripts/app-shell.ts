/**
 * Build step for the offline app shell.
 *
 * After Vite writes dist/, this plugin
 * - writes dist/sw.js from sw/sw.js, with the list of every built file to precache and a
 *   version derived from their contents (a new build means a new cache);
 * - copies index.html to 404.html, so the backend's static mount (which serves 404.html for
 *   unknown paths) still opens the app on a deep link such as /centres/310101-01.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'

const NOT_PRECACHED = new Set(['sw.js', '404.html'])

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

export function appShell(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'tongban-app-shell',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    closeBundle() {
      const outDir = join(config.root, config.build.outDir)
      const hash = createHash('sha256')
      const urls: string[] = []
      for (const file of filesUnder(outDir).sort()) {
        const name = relative(outDir, file).split(sep).join('/')
        // The QR decoder's WebAssembly (~1 MB) is for clerks' scanners only: fetched on first
        // use, not installed on every resident's phone.
        if (NOT_PRECACHED.has(name) || name.endsWith('.map') || name.endsWith('.wasm')) continue
        urls.push('/' + name)
        hash.update(name).update(readFileSync(file))
      }
      const version = hash.digest('hex').slice(0, 12)
      const template = readFileSync(join(config.root, 'sw', 'sw.js'), 'utf8')
      const worker = template
        .replace("'__VERSION__'", JSON.stringify(version))
        .replace('[] /* __PRECACHE__ */', JSON.stringify(urls, null, 2))
      writeFileSync(join(outDir, 'sw.js'), worker)
      writeFileSync(join(outDir, '404.html'), readFileSync(join(outDir, 'index.html')))
    },
  }
}
