/**
 * The app's texts in the resident's language: zh-CN first, English on request (我的 → 语言).
 * The choice is remembered in localStorage and read once at start-up; switching reloads the
 * app, so every text, route title and Vant's own strings (确认/取消 …) change together.
 */
import { Locale as VantLocale } from 'vant'
import enUS from 'vant/es/locale/lang/en-US'
import { en } from './en'
import type { LocaleShape } from './types'
import { zhCN } from './zh-CN'

export type Messages = LocaleShape<typeof zhCN>
export type Locale = 'zh-CN' | 'en'

export const LOCALES: readonly Locale[] = ['zh-CN', 'en']
export const LOCALE_KEY = 'tongban.locale'

function browserStorage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null // storage blocked (private mode, settings): Chinese, not remembered
  }
}

export function storedLocale(storage = browserStorage()): Locale {
  return storage?.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN'
}

export function messagesFor(chosen: Locale): Messages {
  return chosen === 'en' ? en : zhCN
}

export const locale: Locale = storedLocale()
export const t: Messages = messagesFor(locale)

/** The page's language and Vant's strings for the chosen locale (called once at start-up). */
export function applyLocale(root: HTMLElement = document.documentElement): void {
  root.lang = locale
  if (locale === 'en') VantLocale.use('en-US', enUS)
}

/** Remember `next` and restart the app in it. */
export function switchLocale(next: Locale, storage = browserStorage()): void {
  if (next === locale) return
  storage?.setItem(LOCALE_KEY, next)
  window.location.reload()
}
