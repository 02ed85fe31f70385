import { ref, watch } from 'vue'
import { useRoute } from 'vue-router'

/**
 * A route param that only follows the route while `routeName` is shown, so a page being
 * left (e.g. /centres/X -> /matters/Y, both with :code) does not reload for the next one.
 */
export function useRouteParam(routeName: string, param: string) {
  const route = useRoute()
  const read = () => {
    const value = route.params[param]
    return Array.isArray(value) ? (value[0] ?? '') : (value ?? '')
  }
  const value = ref(read())
  watch(
    () => route.params[param],
    () => {
      if (route.name === routeName && read()) value.value = read()
    },
  )
  return value
}
