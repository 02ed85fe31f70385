import { onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'
import { api } from '@/graphql'
import type { GraphQLClient } from '@/graphql/client'
import { type ApiError, toApiError } from '@/graphql/errors'
import type { TypedDocumentString } from '@/graphql/generated/graphql'

/**
 * Runs a query now and again whenever its variables change; a newer request cancels the
 * one in flight. `enabled` (default true) holds the query back, e.g. until there is input.
 */
export function useQuery<TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
  variables: MaybeRefOrGetter<TVariables>,
  options: { enabled?: MaybeRefOrGetter<boolean>; client?: GraphQLClient } = {},
) {
  const data = shallowRef<TData | null>(null)
  const error = shallowRef<ApiError | null>(null)
  const loading = ref(false)
  let inFlight: AbortController | null = null

  async function execute(): Promise<void> {
    inFlight?.abort()
    const controller = new AbortController()
    inFlight = controller
    loading.value = true
    error.value = null
    try {
      const client = options.client ?? api
      data.value = await client.request(document, toValue(variables), controller.signal)
    } catch (caught) {
      if (controller.signal.aborted) return
      error.value = toApiError(caught)
    } finally {
      if (inFlight === controller) {
        loading.value = false
        inFlight = null
      }
    }
  }

  watch(
    () => [JSON.stringify(toValue(variables)), toValue(options.enabled ?? true)] as const,
    ([, enabled]) => {
      if (enabled) void execute()
      else {
        inFlight?.abort()
        data.value = null
        error.value = null
        loading.value = false
      }
    },
    { immediate: true },
  )
  onScopeDispose(() => inFlight?.abort())

  return { data, error, loading, refetch: execute }
}
