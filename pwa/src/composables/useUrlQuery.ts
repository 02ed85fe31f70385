import { ref, watch, type Ref } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'
import { compactQuery, sameQuery } from '@/utils/query'

/**
 * A list page's filters, kept in the URL so links and the back button restore them.
 * The filters follow the URL only while the (kept-alive) page named `routeName` is shown.
 */
export function useUrlQuery<Q extends { q: string }>(
  routeName: string,
  parse: (raw: LocationQuery) => Q,
): { query: Ref<Q>; keyword: Ref<string>; update: (patch: Partial<Q>) => void } {
  const route = useRoute()
  const router = useRouter()
  const query = ref(parse(route.query)) as Ref<Q>
  const keyword = ref(query.value.q)

  watch(
    () => route.query,
    (next) => {
      if (route.name !== routeName) return
      const parsed = parse(next)
      if (!sameQuery(parsed, query.value)) query.value = parsed
      keyword.value = parsed.q
    },
  )

  function update(patch: Partial<Q>): void {
    void router.replace({ query: compactQuery({ ...query.value, ...patch }) })
  }

  return { query, keyword, update }
}
