import { onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'
import type { ApiError } from '@/graphql/errors'
import type { TypedDocumentString } from '@/graphql/generated/graphql'
import type { Follow, Live, LiveStatus } from '@/graphql/live'
import { live as appLive } from '@/graphql/socket'

export interface SubscriptionOptions<TData> {
  /** Each new update, once (updates already seen are dropped by cursor). */
  onData: (data: TData) => void
  /** The server lost track of the stream: reload what the page shows. */
  onResync?: () => void
  /** The live client (tests pass one over a fake graphql-ws client). */
  live?: Live
}

/**
 * Follows a stream subscription (myUpdates, caseProgress, centreUpdates) while the calling
 * component lives: authenticated with the session's access token, reconnecting by itself,
 * resuming from the last cursor it saw (src/graphql/live.ts). `variables` are the
 * subscription's variables without `after`; null holds it back (e.g. until the case is
 * loaded). New variables start a new stream from its beginning.
 */
export function useSubscription<TData, TVariables extends { after?: string | null }>(
  document: TypedDocumentString<TData, TVariables>,
  variables: MaybeRefOrGetter<Omit<TVariables, 'after'> | null>,
  options: SubscriptionOptions<TData>,
) {
  const live = options.live ?? appLive
  const status = ref<LiveStatus | 'idle'>('idle')
  const error = shallowRef<ApiError | null>(null)
  let current: Follow | null = null

  function stop(): void {
    current?.stop()
    current = null
  }

  function start(): void {
    stop()
    error.value = null
    const value = toValue(variables)
    if (value === null) {
      status.value = 'idle'
      return
    }
    current = live.follow(document, value, {
      next: (data) => options.onData(data),
      status: (next) => {
        status.value = next
      },
      error: (caught) => {
        error.value = caught
      },
      resync: () => options.onResync?.(),
    })
  }

  watch(() => JSON.stringify(toValue(variables)), start, { immediate: true })
  onScopeDispose(stop)

  return {
    status,
    error,
    /** Start over (after a fatal error the page offers a retry). */
    restart: start,
    cursor: () => current?.cursor() ?? null,
  }
}
