/** The text a page reads aloud (朗读), and its cutting into utterances speech engines take. */

/** Elements whose text is not read: controls, navigation, decoration, hidden text. */
const SKIP = 'button, nav, script, style, [aria-hidden="true"], [data-read-skip], .van-nav-bar__left, .van-nav-bar__right'

/** The visible text of `root` in reading order, blocks separated by newlines. */
export function mainText(root: Element): string {
  const parts: string[] = []
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.replace(/\s+/g, ' ').trim()
    const parent = node.parentElement
    if (!text || !parent || parent.closest(SKIP)) continue
    if (!parent.checkVisibility({ visibilityProperty: true })) continue
    parts.push(text)
  }
  return parts.join('\n')
}

/** At most `max` characters an utterance (long ones are cut off by some engines), split
 * after sentence ends or line breaks where possible. */
export function speechChunks(text: string, max = 160): string[] {
  const sentences = text
    .split(/(?<=[。！？!?；;\n])/u)
    .map((s) => s.trim())
    .filter(Boolean)
  const chunks: string[] = []
  let current = ''
  for (const sentence of sentences) {
    for (let start = 0; start < sentence.length; start += max) {
      const piece = sentence.slice(start, start + max)
      if (current && current.length + 1 + piece.length > max) {
        chunks.push(current)
        current = piece
      } else {
        current = current ? `${current} ${piece}` : piece
      }
    }
  }
  if (current) chunks.push(current)
  return chunks
}

/** The language to read a chunk in: Mandarin for anything with Chinese characters (catalogue
 * names stay Chinese in the English app), else the app's language. */
export function speechLang(chunk: string, appLocale: 'zh-CN' | 'en'): 'zh-CN' | 'en-US' {
  if (appLocale === 'zh-CN' || /\p{Script=Han}/u.test(chunk)) return 'zh-CN'
  return 'en-US'
}
