/**
 * 长辈版 (关怀模式, elder mode): larger text, stronger contrast, bigger targets and a simpler
 * home page. One tap from the home page or 我的; remembered on the device (localStorage) and
 * applied as `data-elder="on"` on <html>, which styles/main.css turns into the elder theme.
 */
import { ref } from 'vue'

export const ELDER_MODE_KEY = 'tongban.elderMode'

function stored(): boolean {
  try {
    return window.localStorage.getItem(ELDER_MODE_KEY) === '1'
  } catch {
    return false // storage blocked (private modes): the mode lasts for this page only
  }
}

const on = ref(false)

function apply(value: boolean): void {
  on.value = value
  if (value) document.documentElement.dataset.elder = 'on'
  else delete document.documentElement.dataset.elder
}

/** Reads the stored choice and applies it: called once before the app mounts. */
export function initElderMode(): void {
  apply(stored())
}

export function setElderMode(value: boolean): void {
  apply(value)
  try {
    if (value) window.localStorage.setItem(ELDER_MODE_KEY, '1')
    else window.localStorage.removeItem(ELDER_MODE_KEY)
  } catch {
    // not remembered, but applied
  }
}

export function useElderMode(): { on: typeof on; set: (value: boolean) => void; toggle: () => void } {
  return { on, set: setElderMode, toggle: () => setElderMode(!on.value) }
}
