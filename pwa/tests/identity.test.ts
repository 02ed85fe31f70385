import { describe, expect, it } from 'vitest'
import {
  idCheckCharacter,
  idNumberProblem,
  isLoginCode,
  isMainlandMobile,
  maskPhone,
  normalizeIdNumber,
  normalizePhone,
} from '@/utils/identity'
import { safeRedirect } from '@/utils/query'

describe('ID number check character (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('computes the check character of known numbers', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X') // the standard's own example
    expect(idCheckCharacter('31011019881231011')).toBe('7')
    expect(idCheckCharacter('32010219950418208')).toBe('4')
    expect(idCheckCharacter('31010619660101500')).toBe('X')
    expect(idCheckCharacter('65010219900808064')).toBe('0')
  })

  it('accepts valid numbers, lower-case x, full-width digits and spaces', () => {
    expect(idNumberProblem('310110198812310117')).toBeNull()
    expect(idNumberProblem('320102199504182084')).toBeNull()
    expect(idNumberProblem('31010619660101500x')).toBeNull()
    expect(idNumberProblem('３１０１１０１９８８１２３１０１１７')).toBeNull()
    expect(idNumberProblem(' 310110 19881231 0117 ')).toBeNull()
    expect(normalizeIdNumber(' 31010619660101500x')).toBe('31010619660101500X')
  })

  it('says what is wrong: length, characters, or the check character', () => {
    expect(idNumberProblem('')).toBe('ID_NUMBER_INVALID_LENGTH')
    expect(idNumberProblem('310110881231011')).toBe('ID_NUMBER_INVALID_LENGTH') // 15-digit
    expect(idNumberProblem('3101101988123101170')).toBe('ID_NUMBER_INVALID_LENGTH')
    expect(idNumberProblem('31011019881231011A')).toBe('ID_NUMBER_INVALID_CHARACTERS')
    expect(idNumberProblem('X10110198812310117')).toBe('ID_NUMBER_INVALID_CHARACTERS')
    expect(idNumberProblem('310110198812310118')).toBe('ID_NUMBER_INVALID_CHECKSUM')
    expect(idNumberProblem('31011019881231011X')).toBe('ID_NUMBER_INVALID_CHECKSUM')
    // Two digits swapped: MOD 11-2 catches transpositions.
    expect(idNumberProblem('310110198812301117')).toBe('ID_NUMBER_INVALID_CHECKSUM')
  })
})

describe('phone numbers and codes', () => {
  it('accepts mainland mobiles as people type them', () => {
    expect(isMainlandMobile('13800000003')).toBe(true)
    expect(isMainlandMobile('138 0000 0003')).toBe(true)
    expect(isMainlandMobile('+86 138-0000-0003')).toBe(true)
    expect(isMainlandMobile('１３８０００００００３')).toBe(true)
    expect(normalizePhone('+86 138-0000-0003')).toBe('13800000003')
  })

  it('refuses what is not a mainland mobile', () => {
    expect(isMainlandMobile('')).toBe(false)
    expect(isMainlandMobile('12800000003')).toBe(false) // 12x is not a mobile prefix
    expect(isMainlandMobile('1380000000')).toBe(false)
    expect(isMainlandMobile('021-12345678')).toBe(false)
    expect(isMainlandMobile('85291234567')).toBe(false)
  })

  it('masks a number as the API does', () => {
    expect(maskPhone('13800000003')).toBe('138****0003')
  })

  it('wants six digits for a code', () => {
    expect(isLoginCode('012345')).toBe(true)
    expect(isLoginCode(' 012345 ')).toBe(true)
    expect(isLoginCode('12345')).toBe(false)
    expect(isLoginCode('12345a')).toBe(false)
  })
})

describe('after signing in', () => {
  it('goes back only to a page of the app', () => {
    expect(safeRedirect('/me/verify')).toBe('/me/verify')
    expect(safeRedirect('/matters?q=%E5%B1%85')).toBe('/matters?q=%E5%B1%85')
    expect(safeRedirect(undefined)).toBe('/me')
    expect(safeRedirect('https://evil.example/')).toBe('/me')
    expect(safeRedirect('//evil.example/')).toBe('/me')
    expect(safeRedirect('/\\evil.example/')).toBe('/me')
    expect(safeRedirect('/login?redirect=/me')).toBe('/me')
  })
})
