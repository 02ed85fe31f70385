import { onMounted, onScopeDispose, ref } from 'vue'

interface Sentinel {
  released: boolean
  release(): Promise<void>
  addEventListener(type: 'release', listener: () => void): void
}
interface WakeLockApi {
  request(type: 'screen'): Promise<Sentinel>
}

/**
 * Keeps the screen on while the calling page is shown (the Screen Wake Lock API, where the
 * browser has it: Chrome, Edge, Safari 16.4+). The browser drops the lock when the page is
 * hidden; it is asked for again when the page comes back. `active` says whether it holds,
 * so the page can say so; without the API nothing happens and the page keeps its hint.
 */
export function useWakeLock() {
  const active = ref(false)
  let sentinel: Sentinel | null = null
  let wanted = true

  async function acquire(): Promise<void> {
    const api = (navigator as Navigator & { wakeLock?: WakeLockApi }).wakeLock
    if (!api || !wanted || document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return
    try {
      const lock = await api.request('screen')
      if (!wanted) {
        await lock.release()
        return
      }
      sentinel = lock
      active.value = true
      lock.addEventListener('release', () => {
        if (sentinel === lock) active.value = false
      })
    } catch {
      active.value = false // refused (battery saver, no user gesture, policy): keep the hint
    }
  }

  function onVisibility(): void {
    if (document.visibilityState === 'visible') void acquire()
  }

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility)
    void acquire()
  })
  onScopeDispose(() => {
    wanted = false
    document.removeEventListener('visibilitychange', onVisibility)
    void sentinel?.release().catch(() => undefined)
    sentinel = null
    active.value = false
  })

  return { active }
}
