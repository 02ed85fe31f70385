import { computed, onScopeDispose, ref, toValue, watch, type MaybeRefOrGetter } from 'vue'

/** Whole seconds left until `deadline` (ms since the epoch; null: none), ticking down. */
export function useCountdown(deadline: MaybeRefOrGetter<number | null>) {
  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | null = null

  const remaining = computed(() => {
    const until = toValue(deadline)
    return until === null ? 0 : Math.max(0, Math.ceil((until - now.value) / 1000))
  })

  function stop(): void {
    if (timer !== null) clearInterval(timer)
    timer = null
  }

  watch(
    () => toValue(deadline),
    (until) => {
      stop()
      now.value = Date.now()
      if (until === null || until <= now.value) return
      timer = setInterval(() => {
        now.value = Date.now()
        if (remaining.value === 0) stop()
      }, 250)
    },
    { immediate: true },
  )
  onScopeDispose(stop)

  return remaining
}
