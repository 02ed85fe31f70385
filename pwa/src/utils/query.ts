/**
 * List filters live in the URL (/matters?online=FULLY_ONLINE&q=居住证), so quick links,
 * the back button and shared links all land on the same list. Pure parse/serialise.
 */
import type { LocationQuery } from 'vue-router'
import { CENTRE_KINDS, ONLINE_LEVELS } from '@/graphql/enums'
import type {
  CentreFilter,
  CentreKind,
  MatterFilter,
  OnlineLevel,
} from '@/graphql/generated/graphql'
import { DISTRICTS } from './districts'

export interface MatterQuery {
  q: string
  dept: string
  online: OnlineLevel | ''
  cityWide: 'yes' | 'no' | ''
}

export interface CentreQuery {
  q: string
  district: string
  kind: CentreKind | ''
}

function one(value: LocationQuery[string] | undefined): string {
  const first = Array.isArray(value) ? value[0] : value
  return (first ?? '').trim()
}

function oneOf<T extends string>(value: string, allowed: readonly T[]): T | '' {
  return (allowed as readonly string[]).includes(value) ? (value as T) : ''
}

export function parseMatterQuery(query: LocationQuery): MatterQuery {
  return {
    q: one(query.q),
    dept: one(query.dept),
    online: oneOf(one(query.online), ONLINE_LEVELS),
    cityWide: oneOf(one(query.cityWide), ['yes', 'no'] as const),
  }
}

export function parseCentreQuery(query: LocationQuery): CentreQuery {
  return {
    q: one(query.q),
    district: oneOf(
      one(query.district),
      DISTRICTS.map((d) => d.code),
    ),
    kind: oneOf(one(query.kind), CENTRE_KINDS),
  }
}

/** Only the filters that are set, so URLs stay short. */
export function compactQuery<T extends object>(query: T): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== ''),
  )
}

export function matterFilter(query: MatterQuery): MatterFilter {
  return {
    search: query.q || null,
    departmentCode: query.dept || null,
    onlineLevel: query.online || null,
    cityWide: query.cityWide === '' ? null : query.cityWide === 'yes',
  }
}

export function centreFilter(query: CentreQuery): CentreFilter {
  return {
    search: query.q || null,
    district: query.district || null,
    kind: query.kind || null,
  }
}

export function sameQuery<T extends object>(a: T, b: T): boolean {
  return JSON.stringify(compactQuery(a)) === JSON.stringify(compactQuery(b))
}

/**
 * Where to go after signing in (?redirect=/me/verify): a path inside the app, never another
 * site (//evil.example, /\evil.example) and never back to the login page.
 */
export function safeRedirect(value: LocationQuery[string] | undefined, fallback = '/me'): string {
  const path = one(value)
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback
  if (path === '/login' || path.startsWith('/login?')) return fallback
  return path
}
