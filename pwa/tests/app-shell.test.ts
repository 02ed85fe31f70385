/** The build's app-shell step: precompressed copies, the route preloads, the icon font. */
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  externaliseFont,
  lazyRoutes,
  pathPattern,
  precompress,
  preloadScript,
  routePreloads,
  type Manifest,
} from '../scripts/app-shell'

describe('precompress', () => {
  it('writes .br and .gz that decompress to the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-shell-'))
    const file = join(dir, 'app.js')
    const text = 'export const 通办 = "社区事务受理服务中心";\n'.repeat(200)
    writeFileSync(file, text)
    expect(precompress(file)).toBe(2)
    const br = readFileSync(file + '.br')
    const gz = readFileSync(file + '.gz')
    expect(brotliDecompressSync(br).toString()).toBe(text)
    expect(gunzipSync(gz).toString()).toBe(text)
    expect(br.length).toBeLessThan(gz.length)
    expect(gz.length).toBeLessThan(Buffer.byteLength(text) / 10)
  })

  it('leaves small files alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-shell-'))
    const file = join(dir, 'tiny.css')
    writeFileSync(file, 'a{color:red}')
    expect(precompress(file)).toBe(0)
    expect(existsSync(file + '.br')).toBe(false)
  })
})

const ROUTER = `
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage, meta: { tab: true } },
  {
    path: '/matters/:code',
    name: 'matter',
    component: () => import('@/pages/matters/detail.vue'),
    meta: { title: t.titles.matter },
  },
  { path: '/me', component: () => import('@/pages/me/index.vue') },
  {
    path: '/:pathMatch(.*)*',
    component: () => import('@/pages/not-found.vue'),
  },
]`

describe('route preloads', () => {
  it('reads lazily loaded routes from the router source', () => {
    expect(lazyRoutes(ROUTER)).toEqual([
      { path: '/matters/:code', module: 'src/pages/matters/detail.vue' },
      { path: '/me', module: 'src/pages/me/index.vue' },
      { path: '/:pathMatch(.*)*', module: 'src/pages/not-found.vue' },
    ])
  })

  it('turns route paths into patterns', () => {
    const matter = new RegExp(pathPattern('/matters/:code')!)
    expect(matter.test('/matters/GA001')).toBe(true)
    expect(matter.test('/matters/GA001/')).toBe(true)
    expect(matter.test('/matters')).toBe(false)
    expect(matter.test('/matters/GA001/apply')).toBe(false)
    expect(pathPattern('/:pathMatch(.*)*')).toBeNull()
  })

  const manifest: Manifest = {
    'index.html': { file: 'assets/index-1.js', imports: ['_vendor.js'] },
    '_vendor.js': { file: 'assets/vendor-1.js' },
    '_cell.js': { file: 'assets/cell-1.js', imports: ['_vendor.js'], css: ['assets/cell-1.css'] },
    'src/pages/matters/detail.vue': {
      file: 'assets/detail-1.js',
      imports: ['index.html', '_vendor.js', '_cell.js'],
      css: ['assets/detail-1.css'],
    },
    'src/pages/me/index.vue': { file: 'assets/me-1.js', imports: ['_vendor.js'] },
  }

  it("lists each route's chunks and CSS beyond what the entry loads", () => {
    const table = routePreloads(manifest, lazyRoutes(ROUTER))
    expect(table).toEqual([
      [
        '^/matters/([^/]+)/?$',
        ['/assets/detail-1.js', '/assets/cell-1.js'],
        ['/assets/detail-1.css', '/assets/cell-1.css'],
      ],
      ['^/me/?$', ['/assets/me-1.js'], []],
    ])
  })

  it('adds the links for the page being opened, and only those', () => {
    const script = preloadScript(routePreloads(manifest, lazyRoutes(ROUTER)))
    const code = script.replace(/^<script>/, '').replace(/<\/script>$/, '')
    const links = (pathname: string) => {
      const added: { rel: string; href: string }[] = []
      const document = {
        head: { appendChild: (link: { rel: string; href: string }) => added.push(link) },
        createElement: () => ({ rel: '', href: '', crossOrigin: null }),
      }
      new Function('location', 'document', code)({ pathname }, document)
      return added.map((link) => `${link.rel} ${link.href}`)
    }
    expect(links('/matters/GA001')).toEqual([
      'modulepreload /assets/detail-1.js',
      'modulepreload /assets/cell-1.js',
      'stylesheet /assets/detail-1.css',
      'stylesheet /assets/cell-1.css',
    ])
    expect(links('/me')).toEqual(['modulepreload /assets/me-1.js'])
    expect(links('/')).toEqual([])
    expect(links('/nowhere/at/all')).toEqual([])
  })
})

describe('icon font', () => {
  it('moves an inline woff2 out of the CSS and drops the remote fallback', () => {
    const font = Buffer.from('wOF2 pretend font bytes')
    const css =
      '.van-icon{font:14px vant-icon}@font-face{font-family:vant-icon;font-display:auto;' +
      `src:url(data:font/woff2;charset=utf-8;base64,${font.toString('base64')})format("woff2"),` +
      'url(//at.alicdn.com/t/c/font_1.woff?t=1)format("woff")}.van-icon-arrow:before{content:"\\e600"}'
    let handed: Buffer | null = null
    const result = externaliseFont(css, (bytes) => {
      handed = bytes
      return '/assets/vant-icon-abc.woff2'
    })
    expect(handed).toEqual(font)
    expect(result.font).toEqual(font)
    expect(result.css).toContain('src:url(/assets/vant-icon-abc.woff2) format("woff2")}')
    expect(result.css).not.toContain('base64')
    expect(result.css).not.toContain('alicdn')
    expect(result.css).toContain('.van-icon-arrow:before')
  })

  it('leaves CSS without an inline font as it is', () => {
    const css = '.a{color:red}'
    expect(externaliseFont(css, () => 'x')).toEqual({ css, font: null })
  })
})
