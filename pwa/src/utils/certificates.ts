/**
 * Pure helpers for 电子亮证: which fields to disclose by default, when to refresh a
 * presentation token, status and verdict tags, and reading a pasted code. No Vue, no DOM:
 * tests/certificates.test.ts covers them.
 */
import type { CertificateStatus, VerificationResult } from '@/graphql/generated/graphql'

/** Vant tag types: the colour; the text always says it too (never colour alone). */
export type Tone = 'success' | 'warning' | 'danger' | 'default' | 'primary'

export interface Tag {
  tone: Tone
  icon: string
}

// --- fields to disclose -----------------------------------------------------------------

/** Identify the holder at a glance: name and photo-like fields are shown by default. */
const SHOWN_BY_DEFAULT = /(^|_|\b)(name|fullname|photo|portrait|face|avatar|picture|image)s?($|_|\b)|name$|photo$|姓名|照片/i
/** Never preselected: where someone lives (or was born), numbers that identify them. */
const HIDDEN_BY_DEFAULT = /address|addr|place|住址|地址|地点|domicile|idnumber|id_number|number|号码|编号/i

export interface FieldChoice {
  key: string
  label: string
  /** False: every presentation shows it (the name, the certificate's number). */
  disclosable?: boolean
}

/** Shown whatever the resident ticks. */
export function isRequired(field: FieldChoice): boolean {
  return field.disclosable === false
}

/** Left out unless the resident ticks it: where someone lives, identifying numbers. */
export function isSensitive(field: FieldChoice): boolean {
  return !isRequired(field) && (HIDDEN_BY_DEFAULT.test(field.key) || HIDDEN_BY_DEFAULT.test(field.label))
}

/**
 * The fields ticked when the resident opens a certificate: the ones every presentation shows,
 * and name and photo-like ones; never an address or an identifying number the resident may
 * leave out. When none of these exists, the first harmless field, so the code says something.
 */
export function defaultDisclosed(fields: readonly FieldChoice[]): string[] {
  const pick = fields.filter(
    (f) => isRequired(f) || (!isSensitive(f) && (SHOWN_BY_DEFAULT.test(f.key) || SHOWN_BY_DEFAULT.test(f.label))),
  )
  if (pick.length > 0) return pick.map((f) => f.key)
  const first = fields.find((f) => !isSensitive(f))
  return first ? [first.key] : []
}

/** The choice in the certificate's own field order, without unknown or repeated keys. */
export function orderedChoice(fields: readonly FieldChoice[], chosen: readonly string[]): string[] {
  const set = new Set(chosen)
  return fields.filter((f) => set.has(f.key)).map((f) => f.key)
}

/** `?fields=name,photo` <-> ['name', 'photo'] (the QR page's URL keeps the choice). */
export function fieldsToQuery(keys: readonly string[]): string {
  return keys.join(',')
}

export function fieldsFromQuery(value: unknown): string[] {
  const text = Array.isArray(value) ? value[0] : value
  if (typeof text !== 'string') return []
  return [...new Set(text.split(',').map((k) => k.trim()).filter((k) => /^[A-Za-z0-9_]{1,64}$/.test(k)))]
}

// --- presentation tokens: countdown and refresh -------------------------------------------

/** A presentation as the server gave it. */
export interface Timed {
  token: string
  /** ISO date-time, server clock. */
  expiresAt: string
  /** Its life when issued, if the server says. */
  ttlSeconds?: number | null
}

/** `iat` and `exp` from a JWT's payload (no signature check: for timing only). */
export function jwtTimes(token: string): { iat: number; exp: number } | null {
  const parts = token.split('.')
  if (parts.length !== 3) return null
  try {
    const base64 = parts[1]!.replace(/-/g, '+').replace(/_/g, '/')
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4)
    const json = JSON.parse(atob(padded)) as { iat?: unknown; exp?: unknown }
    if (typeof json.iat !== 'number' || typeof json.exp !== 'number' || json.exp <= json.iat) return null
    return { iat: json.iat, exp: json.exp }
  } catch {
    return null
  }
}

/**
 * When the token stops working, on the phone's clock (ms since the epoch). The token's own
 * lifetime (exp - iat, both server time; else `ttlSeconds`) counted from when the phone
 * received it, so a phone whose clock is wrong still counts down correctly; `expiresAt` as
 * the last resort.
 */
export function deadlineOf(presentation: Timed, receivedAt: number): number {
  const times = jwtTimes(presentation.token)
  if (times) return receivedAt + (times.exp - times.iat) * 1000
  if (presentation.ttlSeconds) return receivedAt + presentation.ttlSeconds * 1000
  const at = Date.parse(presentation.expiresAt)
  return Number.isNaN(at) ? receivedAt : at
}

/** Refresh this long before the deadline: 5 s, or a quarter of a short life. */
export function refreshLead(lifetimeMs: number, leadMs = 5000): number {
  return Math.max(0, Math.min(leadMs, Math.floor(lifetimeMs / 4)))
}

/** How long to wait before asking for the next token (never negative). */
export function refreshDelay(deadline: number, receivedAt: number, now: number, leadMs = 5000): number {
  const lead = refreshLead(deadline - receivedAt, leadMs)
  return Math.max(0, deadline - lead - now)
}

/** After a failed refresh: 1 s, 2 s, 4 s ... at most 15 s. */
export function retryDelay(attempt: number): number {
  return Math.min(15_000, 1000 * 2 ** Math.max(0, attempt))
}

export interface Clock {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface RefresherState<T> {
  current: T | null
  /** On the phone's clock; null before the first token. */
  deadline: number | null
  error: unknown
  loading: boolean
}

/**
 * Keeps a fresh presentation token: fetches one, then the next a few seconds before it
 * expires, and so on until stopped. A failed fetch is retried with backoff while the
 * current token (if still valid) stays on screen; an error `shouldRetry` refuses stops it
 * (`refresh()` after `start()` tries again). `pause()` (page hidden: the phone is in
 * the pocket) stops minting tokens nobody sees; `resume()` fetches at once when the token
 * is about to expire, else reschedules.
 */
export class TokenRefresher<T extends Timed> {
  readonly state: RefresherState<T> = { current: null, deadline: null, error: null, loading: false }
  private timer: unknown = null
  private receivedAt = 0
  private attempt = 0
  private running = false
  private generation = 0

  constructor(
    private readonly fetchToken: () => Promise<T>,
    private readonly onChange: (state: RefresherState<T>) => void,
    private readonly clock: Clock = realClock,
    private readonly leadMs = 5000,
    /** False for an error that asking again cannot cure (revoked, not mine): stop. */
    private readonly shouldRetry: (error: unknown) => boolean = () => true,
  ) {}

  start(): void {
    if (this.running) return
    this.running = true
    void this.refresh()
  }

  stop(): void {
    this.running = false
    this.generation += 1
    this.clear()
  }

  pause(): void {
    this.stop()
  }

  resume(): void {
    if (this.running) return
    this.running = true
    const { deadline } = this.state
    if (deadline === null || refreshDelay(deadline, this.receivedAt, this.clock.now(), this.leadMs) === 0) {
      void this.refresh()
    } else {
      this.schedule(refreshDelay(deadline, this.receivedAt, this.clock.now(), this.leadMs))
    }
  }

  /** Ask for a new token now (the 刷新 button); starts again after a fatal error. */
  async refresh(): Promise<void> {
    if (!this.running && this.state.error === null) return
    this.running = true
    this.clear()
    const mine = ++this.generation
    this.state.loading = true
    this.emit()
    try {
      const next = await this.fetchToken()
      if (mine !== this.generation) return
      this.receivedAt = this.clock.now()
      this.state.current = next
      this.state.deadline = deadlineOf(next, this.receivedAt)
      this.state.error = null
      this.attempt = 0
      this.state.loading = false
      this.emit()
      this.schedule(refreshDelay(this.state.deadline, this.receivedAt, this.clock.now(), this.leadMs))
    } catch (error) {
      if (mine !== this.generation) return
      this.state.error = error
      this.state.loading = false
      if (this.state.deadline !== null && this.state.deadline <= this.clock.now()) this.state.current = null
      if (!this.shouldRetry(error)) {
        this.running = false
        this.state.current = null
        this.emit()
        return
      }
      this.emit()
      this.schedule(retryDelay(this.attempt))
      this.attempt += 1
    }
  }

  private schedule(ms: number): void {
    this.clear()
    if (!this.running) return
    this.timer = this.clock.setTimeout(() => {
      this.timer = null
      void this.refresh()
    }, ms)
  }

  private clear(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }

  private emit(): void {
    this.onChange({ ...this.state })
  }
}

/** Whole seconds left until `deadline` (0 once passed). */
export function secondsLeft(deadline: number | null, now: number): number {
  return deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000))
}

// --- the QR image ------------------------------------------------------------------------

/**
 * The server's SVG as an image URL. Shown with <img>, never injected into the page: an SVG
 * in an <img> runs no script and loads nothing, whatever it contains.
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

// --- the clerk's side ----------------------------------------------------------------------

/** The longest code accepted from a paste (the server takes at most 2048; a presentation token is a few hundred bytes). */
export const MAX_TOKEN_LENGTH = 2048

/**
 * A pasted or scanned code as the token to verify: surrounding space and line breaks a copy
 * may add are dropped; null for text that cannot be a token (empty, too long, or characters
 * a compact JWT never has).
 */
export function tokenFromText(text: string): string | null {
  const token = text.replace(/\s+/g, '')
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return null
  if (!/^[A-Za-z0-9._~+/=-]+$/.test(token)) return null
  return token
}

// --- tags ----------------------------------------------------------------------------------

export type CertificateStatusName = CertificateStatus
export type VerificationResultName = VerificationResult

const STATUS_TAGS: Record<CertificateStatusName, Tag> = {
  VALID: { tone: 'success', icon: 'passed' },
  EXPIRED: { tone: 'warning', icon: 'clock-o' },
  REVOKED: { tone: 'danger', icon: 'close' },
}

/** A certificate's status: colour and icon (the text is the status's name). */
export function statusTag(status: CertificateStatusName): Tag {
  return STATUS_TAGS[status] ?? { tone: 'default', icon: 'question-o' }
}

const VERDICT_TAGS: Record<VerificationResultName, Tag> = {
  SUCCESS: { tone: 'success', icon: 'checked' },
  INVALID: { tone: 'danger', icon: 'close' },
  EXPIRED: { tone: 'warning', icon: 'clock-o' },
  REVOKED: { tone: 'danger', icon: 'delete-o' },
  ALREADY_USED: { tone: 'warning', icon: 'replay' },
}

/** A verification's verdict: colour and icon (the text says 通过 / 无效 / ...). */
export function verdictTag(result: VerificationResultName): Tag {
  return VERDICT_TAGS[result] ?? { tone: 'default', icon: 'question-o' }
}

/** Only SUCCESS lets the clerk accept the certificate in place of the paper. */
export function accepted(result: VerificationResultName): boolean {
  return result === 'SUCCESS'
}

/** A Date scalar ("2030-05-01") as shown: the date itself; anything else as given. */
export function formatDate(value: string): string {
  return /^\d{4}-\d\d-\d\d/.test(value) ? value.slice(0, 10) : value
}

/**
 * The trail after new entries arrived (a live update, a reload of the first page, a report):
 * each view once, the newer copy winning, newest first.
 */
export function mergeViews<T extends { id: string; at: string }>(existing: readonly T[], incoming: readonly T[]): T[] {
  const byId = new Map<string, T>()
  for (const view of existing) byId.set(view.id, view)
  for (const view of incoming) byId.set(view.id, view)
  return [...byId.values()].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
}

/** Stream updates about certificates (certificate.viewed, certificate.view_reported ...). */
export function isCertificateUpdate(kind: string): boolean {
  return kind.startsWith('certificate.')
}
