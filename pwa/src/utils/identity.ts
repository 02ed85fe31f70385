/**
 * What residents type when signing in and verifying: checked here for a quick hint in
 * Chinese; the server checks again and is the authority (backend/identity/personal.py,
 * idnumber.py).
 */

/** Mainland mobile numbers: 11 digits, 1 then 3-9. */
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/

/** Full-width digits and letters (１３８, Ｘ) to ASCII, as the server's NFKC does. */
function halfWidth(text: string): string {
  return text.normalize('NFKC')
}

/** 138 0000 0003, 138-0000-0003, +86 13800000003 -> 13800000003 (unchecked). */
export function normalizePhone(raw: string): string {
  let text = halfWidth(raw).replace(/[\s\-()]/g, '')
  for (const prefix of ['+86', '0086']) {
    if (text.startsWith(prefix)) text = text.slice(prefix.length)
  }
  return text
}

export function isMainlandMobile(raw: string): boolean {
  return MAINLAND_MOBILE.test(normalizePhone(raw))
}

/** A code is six digits. */
export function normalizeCode(raw: string): string {
  return halfWidth(raw).replace(/\s/g, '')
}

export function isLoginCode(raw: string): boolean {
  return /^\d{6}$/.test(normalizeCode(raw))
}

// --- resident ID numbers (公民身份号码), GB 11643-1999 -----------------------------------

const ID_LENGTH = 18
/** ISO 7064 MOD 11-2: weight of position i is 2^(17-i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
/** Indexed by (sum of the weighted digits) mod 11. */
const CHECK_CHARACTERS = '10X98765432'

/** What the client checks; the server also checks the address code, date and sequence. */
export type IdNumberProblem =
  | 'ID_NUMBER_INVALID_LENGTH'
  | 'ID_NUMBER_INVALID_CHARACTERS'
  | 'ID_NUMBER_INVALID_CHECKSUM'

/** Spaces out, full-width to ASCII, x to X. */
export function normalizeIdNumber(raw: string): string {
  return halfWidth(raw).replace(/\s/g, '').toUpperCase()
}

/** The check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('need 17 digits')
  let total = 0
  for (let i = 0; i < WEIGHTS.length; i += 1) total += Number(first17[i]) * WEIGHTS[i]!
  return CHECK_CHARACTERS[total % 11]!
}

/** Null when the number has the right length, characters and check character. */
export function idNumberProblem(raw: string): IdNumberProblem | null {
  const value = normalizeIdNumber(raw)
  if (value.length !== ID_LENGTH) return 'ID_NUMBER_INVALID_LENGTH'
  if (!/^\d{17}[\dX]$/.test(value)) return 'ID_NUMBER_INVALID_CHARACTERS'
  if (idCheckCharacter(value.slice(0, 17)) !== value[17]) return 'ID_NUMBER_INVALID_CHECKSUM'
  return null
}

/** 13800000003 -> 138****0003, as the API masks it. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '*'.repeat(phone.length)
}
