/**
 * Dark mode following the system (prefers-color-scheme): Vant's `van-theme-dark` class on
 * <html>, the same class <van-config-provider theme="dark"> sets, so Vant's dark CSS
 * variables apply to every component and page, and ours (src/styles/main.css) with them.
 * Set before the app mounts (no light flash) and kept current when the system switches.
 */
export type ColorScheme = 'light' | 'dark'

export const DARK_QUERY = '(prefers-color-scheme: dark)'

export function applyColorScheme(root: Element, scheme: ColorScheme): void {
  root.classList.toggle('van-theme-dark', scheme === 'dark')
  root.classList.toggle('van-theme-light', scheme === 'light')
}

export function followSystemColorScheme(
  root: Element = document.documentElement,
  media: Pick<MediaQueryList, 'matches' | 'addEventListener'> = window.matchMedia(DARK_QUERY),
): void {
  applyColorScheme(root, media.matches ? 'dark' : 'light')
  media.addEventListener('change', (event) =>
    applyColorScheme(root, event.matches ? 'dark' : 'light'),
  )
}
