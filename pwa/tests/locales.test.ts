/** The English locale against zh-CN, and remembering the resident's choice. */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { en } from '@/locales/en'
import { LOCALE_KEY, messagesFor, storedLocale } from '@/locales'
import { zhCN } from '@/locales/zh-CN'

const SRC = join(__dirname, '..', 'src')

/** Every .ts and .vue file under src/. */
function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return /\.(ts|vue)$/.test(entry.name) ? [path] : []
  })
}

/** Every leaf as "path = text". */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  return Object.entries(value as object).flatMap(([key, child]) =>
    leaves(child, path ? `${path}.${key}` : key),
  )
}

function memory(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial))
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  }
}

describe('locales', () => {
  it('English has every zh-CN text, and nothing zh-CN lacks', () => {
    const zh = new Map(leaves(zhCN))
    const english = new Map(leaves(en))
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort())
    for (const [path, text] of english) {
      // Empty only where zh-CN is empty (live status with nothing to say).
      expect(text === '', path).toBe(zh.get(path) === '')
      // Placeholders such as {count} survive translation.
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
      expect(names(text), path).toEqual(names(zh.get(path)!))
    }
  })

  it('English texts are English, except the catalogue search words', () => {
    const han = /[\u4e00-\u9fff]/
    const chinese = leaves(en).filter(([, text]) => han.test(text)).map(([path]) => path)
    for (const path of chinese) {
      expect(
        /^home\.hotWords\.|Placeholder$|^shell\.language$/.test(path),
        `${path} is Chinese in English`,
      ).toBe(true)
    }
  })

  it('is zh-CN unless English was chosen', () => {
    expect(storedLocale(null)).toBe('zh-CN')
    expect(storedLocale(memory())).toBe('zh-CN')
    expect(storedLocale(memory({ [LOCALE_KEY]: 'fr' }))).toBe('zh-CN')
    expect(storedLocale(memory({ [LOCALE_KEY]: 'en' }))).toBe('en')
    expect(messagesFor('en').tabs.me).toBe('Me')
    expect(messagesFor('zh-CN').tabs.me).toBe('我的')
  })

  it('every page takes its texts from the chosen locale, not from zh-CN directly', () => {
    // Only the locales module itself, and the call display's spoken announcement (always
    // Mandarin, whatever the screen's language), import zh-CN.
    const direct = sources()
      .filter((file) => /from '@\/locales\/zh-CN'|from '\.\/zh-CN'/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file).split('\\').join('/'))
      .sort()
    expect(direct).toEqual(['locales/en.ts', 'locales/index.ts', 'pages/display/index.vue'])
  })
})
