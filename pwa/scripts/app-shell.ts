/**
 * Build step for the offline app shell.
 *
 * After Vite writes dist/, this plugin
 * - writes dist/sw.js from sw/sw.js, with the list of every built file to precache and a
 *   version derived from their contents (a new build means a new cache);
 * - copies index.html to 404.html, so the backend's static mount (which serves 404.html for
 *   unknown paths) still opens the app on a deep link such as /centres/310101-01;
 * - adds to index.html a small inline script that, for the page being opened (say
 *   /matters/GA001), starts loading that route's lazily loaded chunks and CSS at once,
 *   instead of after the main script has run (routes read from src/router/*.ts, files from
 *   Vite's manifest, which is then removed from dist/), and the queries its first screen
 *   waits for (scripts/first-screen.ts), as persisted queries by their sha256;
 * - moves the icon font Vant inlines into its CSS as base64 (25 KiB, the bulk of the CSS every
 *   page waits for) into its own long-cached file, and drops the
 *   font's fallback on a third-party CDN (offline, and no request to anyone else);
 * - writes x.br (brotli, best) and x.gz (gzip -9) beside every compressible file, for the
 *   backend (backend/spa.py) to send as they are to a browser that accepts them.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin, ResolvedConfig } from 'vite'
import { FIRST_SCREEN, type FirstScreenQuery, type Scalar } from './first-screen.ts'

const NOT_PRECACHED = new Set(['sw.js', '404.html'])
const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|webmanifest|txt|xml)$/
// Below this a compressed copy saves less than a TCP packet: not worth a second file.
const COMPRESS_MIN_BYTES = 1024

/** Writes `file.br` and `file.gz` when they are smaller than `file`; returns how many. */
export function precompress(file: string): number {
  const raw = readFileSync(file)
  if (raw.length < COMPRESS_MIN_BYTES) return 0
  const variants: [string, Buffer][] = [
    [
      '.br',
      brotliCompressSync(raw, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      }),
    ],
    ['.gz', gzipSync(raw, { level: 9 })],
  ]
  let written = 0
  for (const [suffix, data] of variants) {
    if (data.length >= raw.length) continue
    writeFileSync(file + suffix, data)
    written += 1
  }
  return written
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** Vite's build manifest (build.manifest: true), the parts read here. */
export interface ManifestChunk {
  file: string
  imports?: string[]
  css?: string[]
}
export type Manifest = Record<string, ManifestChunk>

/** Lazily loaded routes in router sources: `path: '/x/:id'` ... `import('@/pages/x.vue')`. */
export function lazyRoutes(source: string): { path: string; module: string }[] {
  const found: { path: string; module: string }[] = []
  const route = /path:\s*'([^']+)'[^{}]*?import\(\s*'@\/([^']+)'\s*\)/g
  for (const match of source.matchAll(route)) {
    found.push({ path: match[1]!, module: 'src/' + match[2]! })
  }
  return found
}

/** A vue-router path as a regular expression source, a group per param; null for patterns
 * it cannot know. */
export function pathPattern(path: string): string | null {
  if (/[()*?+]/.test(path)) return null
  const parts = path.split('/').map((part) =>
    part.startsWith(':') ? '([^/]+)' : part.replace(/[.\\^$|[\]{}]/g, '\\$&'),
  )
  return '^' + parts.join('/') + '/?$'
}

/** The names of a path's params, in order: '/centres/:code' -> ['code']. */
export function pathParams(path: string): string[] {
  return path
    .split('/')
    .filter((part) => part.startsWith(':'))
    .map((part) => part.slice(1))
}

/** A first-screen query as the inline script needs it: operation name, sha256 of the
 * document as the client sends it, and the variables' template. */
export type EarlyQuery = [string, string, Record<string, Scalar>]

export function earlyQueries(path: string, queries: FirstScreenQuery[]): EarlyQuery[] {
  const params = new Set(pathParams(path))
  return queries.map(({ document, variables }) => {
    const meta = document.__meta__ ?? {}
    const name = meta['operationName']
    if (typeof name !== 'string') throw new Error(`${path}: not an operation document`)
    // Sent without a token before anyone has signed in, and used for whoever is signed in.
    if (meta['anonymous'] !== true) {
      throw new Error(`${path}: ${name} may answer differently for each caller; it cannot be fetched early`)
    }
    for (const [key, value] of Object.entries(variables)) {
      if (typeof value === 'string' && value.startsWith(':') && !params.has(value.slice(1))) {
        throw new Error(`${path}: ${name}'s variable ${key} names no param of the path`)
      }
    }
    const text = document.toString()
    return [name, createHash('sha256').update(text).digest('hex'), variables]
  })
}

/** A route's entry in the inline script: its pattern, the JS and CSS its page needs beyond
 * what index.html loads, and, for a first screen, its params' names and its queries. */
export type RoutePreload =
  | [string, string[], string[]]
  | [string, string[], string[], string[], EarlyQuery[]]

/** For each route: the JS and CSS files its page needs beyond what index.html loads, and
 * the queries of its first screen. */
export function routePreloads(
  manifest: Manifest,
  routes: { path: string; module: string }[],
  firstScreen: Record<string, FirstScreenQuery[]> = {},
): RoutePreload[] {
  const closure = (key: string, seen: Set<string>): Set<string> => {
    if (seen.has(key) || !manifest[key]) return seen
    seen.add(key)
    for (const dep of manifest[key].imports ?? []) closure(dep, seen)
    return seen
  }
  const entry = closure('index.html', new Set())
  const table: RoutePreload[] = []
  const unused = new Set(Object.keys(firstScreen))
  for (const { path, module } of routes) {
    const pattern = pathPattern(path)
    if (pattern === null || !manifest[module]) continue
    const keys = [...closure(module, new Set())].filter((key) => !entry.has(key))
    const js = keys.map((key) => '/' + manifest[key]!.file)
    const css = keys.flatMap((key) => (manifest[key]!.css ?? []).map((file) => '/' + file))
    const queries = firstScreen[path]
    unused.delete(path)
    table.push(queries ? [pattern, js, css, pathParams(path), earlyQueries(path, queries)] : [pattern, js, css])
  }
  if (unused.size) throw new Error(`first-screen queries for routes the router lacks: ${[...unused].join(', ')}`)
  return table
}

/**
 * The inline script: preloads the current route's chunks and CSS, and starts its first
 * screen's queries: each a POST of the persisted query (no token), its answer (status and
 * parsed body, read at once, so the page that takes it renders it without waiting for another
 * task) kept in `window.__tbEarly` under `earlyKey` (src/graphql/client.ts: the same key,
 * written twice; tests/early.test.ts checks they agree). A failure (offline) is left for the
 * page to notice, which then asks as usual, and is never reported as unhandled.
 */
export function preloadScript(table: RoutePreload[]): string {
  return `<script>(function(){var t=${JSON.stringify(table)},p=location.pathname,h=document.head;
function k(o,v){return o+' '+JSON.stringify(Object.keys(v).filter(function(n){return v[n]!=null}).sort().map(function(n){return[n,v[n]]}))}
for(var i=0;i<t.length;i++){var m=new RegExp(t[i][0]).exec(p);if(!m)continue;
t[i][1].forEach(function(f){var l=document.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href=f;h.appendChild(l)});
t[i][2].forEach(function(f){var l=document.createElement('link');l.rel='stylesheet';l.crossOrigin='';l.href=f;h.appendChild(l)});
if(t[i][4]&&window.fetch){var a={},e=window.__tbEarly={};try{t[i][3].forEach(function(n,j){a[n]=decodeURIComponent(m[j+1])})}catch(x){break}
t[i][4].forEach(function(q){var v={};for(var n in q[2]){var x=q[2][n];v[n]=typeof x=='string'&&x.charAt(0)==':'?a[x.slice(1)]:x}
var r=fetch('/graphql',{method:'POST',headers:{'content-type':'application/json',accept:'application/graphql-response+json, application/json'},
body:JSON.stringify({operationName:q[0],variables:v,extensions:{persistedQuery:{version:1,sha256Hash:q[1]}}})}).then(function(r){return r.json().then(function(b){return{ok:r.ok,status:r.status,body:b}})});
r['catch'](function(){});e[k(q[0],v)]={at:Date.now(),answer:r}})}break}})()</script>`
}

function addRoutePreloads(root: string, outDir: string): void {
  const manifestDir = join(outDir, '.vite')
  const manifest = JSON.parse(readFileSync(join(manifestDir, 'manifest.json'), 'utf8')) as Manifest
  rmSync(manifestDir, { recursive: true, force: true })
  const routerDir = join(root, 'src', 'router')
  const routes = readdirSync(routerDir)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .flatMap((name) => lazyRoutes(readFileSync(join(routerDir, name), 'utf8')))
  const indexPath = join(outDir, 'index.html')
  const html = readFileSync(indexPath, 'utf8')
  // Before the stylesheets: an inline script after them waits until they have loaded.
  const head = preloadScript(routePreloads(manifest, routes, FIRST_SCREEN))
  const at = html.indexOf('<script type="module"')
  if (at < 0) throw new Error('index.html has no module script to put the route preloads before')
  writeFileSync(indexPath, html.slice(0, at) + head + '\n    ' + html.slice(at))
}

const INLINE_WOFF2 = /url\(data:font\/woff2;charset=utf-8;base64,([A-Za-z0-9+/=]+)\)\s*format\("woff2"\)/
const REMOTE_FONT = /,\s*url\(\/\/[^)]+\)\s*format\("[a-z0-9]+"\)/g

/** CSS with its inline woff2 font replaced by `url(fontUrl)`, and the font's bytes. */
export function externaliseFont(
  css: string,
  fontUrl: (font: Buffer) => string,
): { css: string; font: Buffer | null } {
  const match = INLINE_WOFF2.exec(css)
  if (!match) return { css, font: null }
  const font = Buffer.from(match[1]!, 'base64')
  const replaced = css
    .replace(INLINE_WOFF2, `url(${fontUrl(font)}) format("woff2")`)
    .replace(REMOTE_FONT, '')
  return { css: replaced, font }
}

export function appShell(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'tongban-app-shell',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    generateBundle(_options, bundle) {
      for (const asset of Object.values(bundle)) {
        if (asset.type !== 'asset' || !asset.fileName.endsWith('.css')) continue
        const source = typeof asset.source === 'string' ? asset.source : Buffer.from(asset.source).toString('utf8')
        const { css } = externaliseFont(source, (font) => {
          const id = this.emitFile({ type: 'asset', name: 'vant-icon.woff2', source: font })
          return config.base + this.getFileName(id)
        })
        asset.source = css
      }
    },
    closeBundle() {
      const outDir = resolve(config.root, config.build.outDir)
      addRoutePreloads(config.root, outDir)
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
      for (const file of filesUnder(outDir)) {
        if (COMPRESSIBLE.test(file)) precompress(file)
      }
    },
  }
}
