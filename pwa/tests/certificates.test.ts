import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { ZXING_WASM_SHA256, ZXING_WASM_VERSION } from 'barcode-detector/ponyfill'
import { describe, expect, it, vi } from 'vitest'
import {
  type Clock,
  deadlineOf,
  defaultDisclosed,
  fieldsFromQuery,
  fieldsToQuery,
  isRequired,
  isSensitive,
  isCertificateUpdate,
  mergeViews,
  jwtTimes,
  orderedChoice,
  refreshDelay,
  refreshLead,
  retryDelay,
  secondsLeft,
  statusTag,
  svgDataUrl,
  tokenFromText,
  TokenRefresher,
  verdictTag,
} from '@/utils/certificates'
import { locateZXingFile, ZXING_WASM_URL } from '@/utils/scanner'

const b64url = (value: object) =>
  Buffer.from(JSON.stringify(value)).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
const jwt = (payload: object) => `${b64url({ alg: 'ES256', typ: 'x' })}.${b64url(payload)}.c2ln`

describe('fields disclosed by default', () => {
  it('ticks the required fields and name-like ones, never the address', () => {
    const fields = [
      { key: 'name', label: '姓名', disclosable: false },
      { key: 'sex', label: '性别', disclosable: true },
      { key: 'photo', label: '照片', disclosable: true },
      { key: 'address', label: '住址', disclosable: true },
      { key: 'id_number', label: '公民身份号码', disclosable: false },
    ]
    expect(defaultDisclosed(fields)).toEqual(['name', 'photo', 'id_number'])
  })

  it('recognises Chinese labels and the names on other certificates', () => {
    expect(
      defaultDisclosed([
        { key: 'name', label: '新生儿姓名', disclosable: false },
        { key: 'birth_place', label: '出生地点' },
        { key: 'mother_name', label: '母亲姓名' },
        { key: 'certificate_number', label: '出生医学证明编号', disclosable: false },
      ]),
    ).toEqual(['name', 'mother_name', 'certificate_number'])
    expect(defaultDisclosed([{ key: 'xingming', label: '姓名' }])).toEqual(['xingming'])
  })

  it('falls back to the first harmless field, never to a sensitive one', () => {
    expect(
      defaultDisclosed([
        { key: 'householder', label: '户主姓名', disclosable: false },
        { key: 'address', label: '住址' },
        { key: 'household_type', label: '户别' },
      ]),
    ).toEqual(['householder'])
    expect(
      defaultDisclosed([
        { key: 'address', label: '住址' },
        { key: 'household_type', label: '户别' },
      ]),
    ).toEqual(['household_type'])
    expect(defaultDisclosed([{ key: 'address', label: '住址' }])).toEqual([])
    expect(isSensitive({ key: 'permit_number', label: '居住证编号' })).toBe(true)
    expect(isSensitive({ key: 'birth_place', label: '出生地点' })).toBe(true)
    expect(isSensitive({ key: 'id_number', label: '公民身份号码', disclosable: false })).toBe(false)
    expect(isRequired({ key: 'id_number', label: '公民身份号码', disclosable: false })).toBe(true)
  })

  it('keeps the certificate order and drops unknown keys; round-trips through the URL', () => {
    const fields = [
      { key: 'name', label: '姓名' },
      { key: 'photo', label: '照片' },
    ]
    expect(orderedChoice(fields, ['photo', 'bogus', 'name', 'photo'])).toEqual(['name', 'photo'])
    expect(fieldsFromQuery(fieldsToQuery(['name', 'birth_date']))).toEqual(['name', 'birth_date'])
    expect(fieldsFromQuery(['name,<script>,name', 'x'])).toEqual(['name'])
    expect(fieldsFromQuery(undefined)).toEqual([])
  })
})

describe('presentation timing', () => {
  it('reads iat/exp from a JWT, and refuses what is not one', () => {
    expect(jwtTimes(jwt({ iat: 100, exp: 160, jti: 'a' }))).toEqual({ iat: 100, exp: 160 })
    expect(jwtTimes('not-a-token')).toBeNull()
    expect(jwtTimes(jwt({ iat: 100 }))).toBeNull()
    expect(jwtTimes('a.!!!.c')).toBeNull()
  })

  it("counts the token's own lifetime from when the phone got it, whatever the phone's clock", () => {
    // The phone's clock is an hour behind the server's: expiresAt would say 3660 s.
    const token = jwt({ iat: 1_000_000, exp: 1_000_060 })
    const receivedAt = 5_000_000
    expect(deadlineOf({ token, expiresAt: new Date(1_000_060_000).toISOString() }, receivedAt)).toBe(5_060_000)
    expect(deadlineOf({ token: 'opaque', expiresAt: '', ttlSeconds: 30 }, receivedAt)).toBe(5_030_000)
    expect(deadlineOf({ token: 'opaque', expiresAt: '2026-12-02T10:00:00Z' }, receivedAt)).toBe(
      Date.parse('2026-12-02T10:00:00Z'),
    )
  })

  it('refreshes five seconds early, earlier still for a short life, never late', () => {
    expect(refreshLead(60_000)).toBe(5000)
    expect(refreshLead(8000)).toBe(2000)
    expect(refreshDelay(60_000, 0, 0)).toBe(55_000)
    expect(refreshDelay(60_000, 0, 58_000)).toBe(0)
    expect(retryDelay(0)).toBe(1000)
    expect(retryDelay(10)).toBe(15_000)
    expect(secondsLeft(10_500, 0)).toBe(11)
    expect(secondsLeft(10_500, 20_000)).toBe(0)
    expect(secondsLeft(null, 0)).toBe(0)
  })
})

/** A clock the test moves by hand. */
function fakeClock() {
  let now = 0
  let timers: { at: number; fn: () => void; id: number }[] = []
  let next = 1
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = next++
      timers.push({ at: now + ms, fn, id })
      return id
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id)
    },
  }
  async function advance(ms: number): Promise<void> {
    const until = now + ms
    for (;;) {
      const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      timers = timers.filter((t) => t !== due)
      now = due.at
      due.fn()
      await flush()
    }
    now = until
  }
  return { clock, advance, pending: () => timers.length }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('TokenRefresher', () => {
  it('fetches a new token a few seconds before each one expires, by itself', async () => {
    const { clock, advance } = fakeClock()
    let n = 0
    const fetch = vi.fn(async () => {
      n += 1
      return { token: jwt({ iat: 0, exp: 60, n }), expiresAt: '' }
    })
    const seen: number[] = []
    const refresher = new TokenRefresher(fetch, (s) => s.current && seen.push(s.deadline!), clock)
    refresher.start()
    await flush()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(refresher.state.deadline).toBe(60_000)
    await advance(54_999)
    expect(fetch).toHaveBeenCalledTimes(1)
    await advance(1)
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(refresher.state.deadline).toBe(115_000)
    await advance(55_000)
    expect(fetch).toHaveBeenCalledTimes(3)
    refresher.stop()
    await advance(600_000)
    expect(fetch).toHaveBeenCalledTimes(3)
  })

  it('retries a failed refresh with backoff and keeps the valid token meanwhile', async () => {
    const { clock, advance } = fakeClock()
    let fail = false
    const fetch = vi.fn(async () => {
      if (fail) throw new Error('offline')
      return { token: jwt({ iat: 0, exp: 60 }), expiresAt: '' }
    })
    const refresher = new TokenRefresher(fetch, () => {}, clock)
    refresher.start()
    await flush()
    fail = true
    await advance(55_000)
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(refresher.state.error).toBeInstanceOf(Error)
    expect(refresher.state.current).not.toBeNull() // still 5 s to go
    await advance(1000)
    expect(fetch).toHaveBeenCalledTimes(3)
    await advance(2000)
    expect(fetch).toHaveBeenCalledTimes(4)
    expect(refresher.state.current).not.toBeNull() // 58 s
    await advance(4000)
    expect(fetch).toHaveBeenCalledTimes(5)
    expect(refresher.state.current).toBeNull() // expired at 60 s: not shown any more
    fail = false
    await advance(8000)
    expect(fetch).toHaveBeenCalledTimes(6)
    expect(refresher.state.error).toBeNull()
    expect(refresher.state.current).not.toBeNull()
    refresher.stop()
  })

  it('mints nothing while paused, and catches up at once on resume when due', async () => {
    const { clock, advance, pending } = fakeClock()
    const fetch = vi.fn(async () => ({ token: jwt({ iat: 0, exp: 60 }), expiresAt: '' }))
    const refresher = new TokenRefresher(fetch, () => {}, clock)
    refresher.start()
    await flush()
    refresher.pause()
    expect(pending()).toBe(0)
    await advance(120_000)
    expect(fetch).toHaveBeenCalledTimes(1)
    refresher.resume()
    await flush()
    expect(fetch).toHaveBeenCalledTimes(2)
    // Resumed early enough: waits for the usual moment.
    refresher.pause()
    await advance(10_000)
    refresher.resume()
    await flush()
    expect(fetch).toHaveBeenCalledTimes(2)
    await advance(45_000)
    expect(fetch).toHaveBeenCalledTimes(3)
    refresher.stop()
  })

  it('stops on an error that retrying cannot cure, and starts again on request', async () => {
    const { clock, advance } = fakeClock()
    let fatal = true
    const fetch = vi.fn(async () => {
      if (fatal) throw new Error('revoked')
      return { token: jwt({ iat: 0, exp: 60 }), expiresAt: '' }
    })
    const refresher = new TokenRefresher(fetch, () => {}, clock, 5000, (e) => (e as Error).message !== 'revoked')
    refresher.start()
    await flush()
    await advance(120_000)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(refresher.state.current).toBeNull()
    fatal = false
    await refresher.refresh()
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(refresher.state.current).not.toBeNull()
    refresher.stop()
  })

  it('ignores an answer that arrives after stop', async () => {
    const { clock } = fakeClock()
    let release: (v: { token: string; expiresAt: string }) => void = () => {}
    const fetch = () => new Promise<{ token: string; expiresAt: string }>((resolve) => (release = resolve))
    const changes = vi.fn()
    const refresher = new TokenRefresher(fetch, changes, clock)
    refresher.start()
    refresher.stop()
    release({ token: jwt({ iat: 0, exp: 60 }), expiresAt: '' })
    await flush()
    expect(refresher.state.current).toBeNull()
  })
})

describe('tags, images and pasted codes', () => {
  it('gives every status and verdict a colour and an icon', () => {
    expect(statusTag('VALID')).toEqual({ tone: 'success', icon: 'passed' })
    expect(statusTag('REVOKED').tone).toBe('danger')
    for (const r of ['SUCCESS', 'INVALID', 'EXPIRED', 'REVOKED', 'ALREADY_USED'] as const) {
      expect(verdictTag(r).icon).toBeTruthy()
    }
    expect(verdictTag('SUCCESS').tone).toBe('success')
    expect(verdictTag('ALREADY_USED').tone).not.toBe('success')
  })

  it('shows the SVG as an image URL, escaped', () => {
    const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,%3Csvg')).toBe(true)
    expect(url).not.toContain('<')
  })

  it('reads a pasted code, refusing what cannot be one', () => {
    expect(tokenFromText('  eyJh.eyJi\n.sig  ')).toBe('eyJh.eyJi.sig')
    expect(tokenFromText('')).toBeNull()
    expect(tokenFromText('   ')).toBeNull()
    expect(tokenFromText('<script>')).toBeNull()
    expect(tokenFromText('a'.repeat(2049))).toBeNull()
    expect(tokenFromText('a'.repeat(2048))).toBe('a'.repeat(2048))
  })
})

describe('the QR decoder loads its WebAssembly from our build', () => {
  it('points ZXing at the bundled .wasm, never a CDN', () => {
    expect(locateZXingFile('zxing_reader.wasm', 'https://fastly.jsdelivr.net/x/')).toBe(ZXING_WASM_URL)
    expect(ZXING_WASM_URL).not.toMatch(/^https?:/)
    expect(ZXING_WASM_URL).toContain('zxing_reader')
    expect(locateZXingFile('other.data', '/p/')).toBe('/p/other.data')
  })

  it('ships the .wasm that the ponyfill\'s JavaScript was built for', () => {
    const path = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm')
    const digest = createHash('sha256').update(readFileSync(path)).digest('hex')
    expect(digest).toBe(ZXING_WASM_SHA256)
    const pkg = JSON.parse(readFileSync(path.replace(/dist\/reader\/zxing_reader\.wasm$/, 'package.json'), 'utf8'))
    expect(pkg.version).toBe(ZXING_WASM_VERSION)
  })
})

describe('the trail', () => {
  it('merges new views in, once each, newest first', () => {
    const a = { id: 'a', at: '2026-12-02T08:00:00+08:00', reported: false }
    const b = { id: 'b', at: '2026-12-02T09:00:00+08:00', reported: false }
    const a2 = { ...a, reported: true }
    const c = { id: 'c', at: '2026-12-02T01:30:00Z', reported: false } // 09:30 Shanghai
    expect(mergeViews([a, b], [c, a2])).toEqual([c, b, a2])
    expect(mergeViews([], [])).toEqual([])
    expect(isCertificateUpdate('certificate.viewed')).toBe(true)
    expect(isCertificateUpdate('case.progressed')).toBe(false)
  })
})
