import { describe, expect, it } from 'vitest'
import { speechChunks, speechLang } from '../src/utils/readAloud'

describe('speechChunks', () => {
  it('keeps short text whole and joins sentences up to the limit', () => {
    expect(speechChunks('居住证签注。全市通办。')).toEqual(['居住证签注。 全市通办。'])
    expect(speechChunks('')).toEqual([])
  })

  it('cuts after sentence ends before the limit', () => {
    const a = '甲'.repeat(100) + '。'
    const b = '乙'.repeat(100) + '。'
    expect(speechChunks(a + b, 160)).toEqual([a, b])
  })

  it('cuts a sentence longer than the limit into pieces of at most the limit', () => {
    const chunks = speechChunks('丙'.repeat(350), 160)
    expect(chunks.map((c) => c.length)).toEqual([160, 160, 30])
  })

  it('splits at line breaks between blocks of the page', () => {
    expect(speechChunks('办事指南\n受理部门\n公安', 6)).toEqual(['办事指南', '受理部门', '公安'])
  })
})

describe('speechLang', () => {
  it('reads Chinese in Mandarin, and English in English only in the English app', () => {
    expect(speechLang('预约 到中心办理', 'zh-CN')).toBe('zh-CN')
    expect(speechLang('Book a visit', 'zh-CN')).toBe('zh-CN')
    expect(speechLang('Book a visit', 'en')).toBe('en-US')
    expect(speechLang('Centre: 南京东路街道社区事务受理服务中心', 'en')).toBe('zh-CN')
  })
})
