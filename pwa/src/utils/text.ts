/** Fill `{name}` placeholders in a message template. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  )
}

const CJK = /[\u3400-\u9fff]/

/** True when the text contains Chinese characters (i.e. it is meant for residents). */
export function hasChinese(text: string | null | undefined): boolean {
  return !!text && CJK.test(text)
}
