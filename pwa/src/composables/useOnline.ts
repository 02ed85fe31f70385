import { onScopeDispose, ref } from 'vue'

/** Whether the browser says it has a network, kept current by its online/offline events. */
export function useOnline(target: Window = window) {
  const online = ref(target.navigator.onLine)
  const update = () => (online.value = target.navigator.onLine)
  target.addEventListener('online', update)
  target.addEventListener('offline', update)
  onScopeDispose(() => {
    target.removeEventListener('online', update)
    target.removeEventListener('offline', update)
  })
  return online
}
