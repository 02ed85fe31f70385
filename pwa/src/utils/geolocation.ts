import { t } from '@/locales'

export type LocateFailure = 'denied' | 'unavailable' | 'timeout' | 'unsupported' | 'insecure'

/** GeolocationPositionError.code (1, 2, 3) -> why locating failed. */
export function failureFromCode(code: number): LocateFailure {
  if (code === 1) return 'denied'
  if (code === 3) return 'timeout'
  return 'unavailable'
}

export function locateFailureMessage(failure: LocateFailure): string {
  return t.nearby.errors[failure]
}
