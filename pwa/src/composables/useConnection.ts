import { onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'
import { api } from '@/graphql'
import { type ApiError, toApiError } from '@/graphql/errors'
import type { TypedDocumentString } from '@/graphql/generated/graphql'

export const PAGE_SIZE = 20

/** The paging variables a connection's document declares ($first: Int, $after: String). */
export interface PageVariables {
  first?: number | null
  after?: string | null
}

/** What this composable reads of a connection; the document's selection must include it. */
export interface Connection<TNode> {
  totalCount: number
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
  edges: ReadonlyArray<{ node: TNode }>
}

/**
 * Infinite scroll over a Relay connection (first/after), for Vant's <van-list>:
 * bind `loading`, `finished` and call `loadMore` on its load event. When the variables
 * change (a new filter), the list starts again from the first page; answers to older
 * requests are dropped.
 */
export function useConnection<TData, TVariables extends PageVariables, TNode>(
  document: TypedDocumentString<TData, TVariables>,
  variables: MaybeRefOrGetter<Omit<TVariables, keyof PageVariables>>,
  select: (data: TData) => Connection<TNode>,
  pageSize = PAGE_SIZE,
) {
  const items = shallowRef<TNode[]>([])
  const totalCount = ref<number | null>(null)
  const loading = ref(false)
  const finished = ref(false)
  const error = shallowRef<ApiError | null>(null)
  let after: string | null = null
  let inFlight: AbortController | null = null

  async function loadMore(): Promise<void> {
    if (finished.value || inFlight) return
    const controller = new AbortController()
    inFlight = controller
    loading.value = true
    error.value = null
    try {
      // The caller's variables plus the page: TVariables, which TypeScript cannot see
      // through Omit<> on a type parameter.
      const pageVariables = { ...toValue(variables), first: pageSize, after } as TVariables
      const data = await api.request(document, pageVariables, controller.signal)
      const page = select(data)
      items.value = [...items.value, ...page.edges.map((edge) => edge.node)]
      totalCount.value = page.totalCount
      after = page.pageInfo.endCursor
      finished.value = !page.pageInfo.hasNextPage
    } catch (caught) {
      if (controller.signal.aborted) return
      error.value = toApiError(caught)
    } finally {
      if (inFlight === controller) {
        inFlight = null
        loading.value = false
      }
    }
  }

  function reset(): void {
    inFlight?.abort()
    inFlight = null
    items.value = []
    totalCount.value = null
    after = null
    finished.value = false
    error.value = null
    loading.value = false
    void loadMore()
  }

  watch(() => JSON.stringify(toValue(variables)), reset, { immediate: true })
  onScopeDispose(() => inFlight?.abort())

  return { items, totalCount, loading, finished, error, loadMore, reset }
}
