import { onMounted, onScopeDispose, ref, shallowRef } from 'vue'
import { type ApiError, toApiError } from '@/graphql/errors'
import { realClock, type Timed, TokenRefresher } from '@/utils/certificates'

/**
 * A presentation token that renews itself a few seconds before it expires, for as long as
 * the calling page is shown; paused while the page is hidden (no codes minted in a pocket),
 * renewed at once on return when due. `deadline` is on the phone's clock.
 */
export function usePresentation<T extends Timed>(fetchToken: () => Promise<T>) {
  const current = shallowRef<T | null>(null)
  const deadline = ref<number | null>(null)
  const error = shallowRef<ApiError | null>(null)
  const loading = ref(false)

  const refresher = new TokenRefresher<T>(
    fetchToken,
    (state) => {
      current.value = state.current
      deadline.value = state.deadline
      error.value = state.error ? toApiError(state.error) : null
      loading.value = state.loading
    },
    realClock,
    5000,
    (caught) => toApiError(caught).retryable,
  )

  function onVisibility(): void {
    if (document.visibilityState === 'hidden') refresher.pause()
    else refresher.resume()
  }

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility)
    refresher.start()
  })
  onScopeDispose(() => {
    document.removeEventListener('visibilitychange', onVisibility)
    refresher.stop()
  })

  return { current, deadline, error, loading, refresh: () => refresher.refresh() }
}
