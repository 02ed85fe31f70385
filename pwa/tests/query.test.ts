import { describe, expect, it } from 'vitest'
import {
  centreFilter,
  compactQuery,
  matterFilter,
  parseCentreQuery,
  parseMatterQuery,
} from '@/utils/query'

describe('list filters in the URL', () => {
  it('reads matter filters and ignores unknown values', () => {
    const query = parseMatterQuery({ q: ' 居住证 ', online: 'FULLY_ONLINE', cityWide: 'maybe' })
    expect(query).toEqual({ q: '居住证', dept: '', online: 'FULLY_ONLINE', cityWide: '' })
    expect(matterFilter(query)).toEqual({
      search: '居住证',
      departmentCode: null,
      onlineLevel: 'FULLY_ONLINE',
      cityWide: null,
    })
    expect(matterFilter(parseMatterQuery({ cityWide: 'no' })).cityWide).toBe(false)
  })

  it('accepts only the 16 districts and the two kinds', () => {
    expect(parseCentreQuery({ district: '310101', kind: 'BRANCH' })).toMatchObject({
      district: '310101',
      kind: 'BRANCH',
    })
    expect(parseCentreQuery({ district: '999999', kind: 'SHOP' })).toMatchObject({
      district: '',
      kind: '',
    })
    expect(centreFilter(parseCentreQuery({}))).toEqual({ search: null, district: null, kind: null })
  })

  it('keeps URLs short', () => {
    expect(compactQuery({ q: '', dept: 'CIVIL_AFFAIRS', online: '', cityWide: 'yes' })).toEqual({
      dept: 'CIVIL_AFFAIRS',
      cityWide: 'yes',
    })
  })
})
