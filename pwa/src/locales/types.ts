/** A locale with the same keys as zh-CN, every text a string (zh-CN's are literal types). */
export type LocaleShape<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : LocaleShape<T[K]>
}
