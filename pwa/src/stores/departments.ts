import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { api, DepartmentsDocument, type DepartmentsQuery } from '@/graphql'
import { type ApiError, toApiError } from '@/graphql/errors'

/** The 11 departments: loaded once, shared by every filter that needs them. */
export const useDepartmentsStore = defineStore('departments', () => {
  const departments = shallowRef<DepartmentsQuery['departments']>([])
  const error = shallowRef<ApiError | null>(null)
  const loading = ref(false)
  let pending: Promise<void> | null = null

  function load(): Promise<void> {
    if (departments.value.length) return Promise.resolve()
    pending ??= (async () => {
      loading.value = true
      error.value = null
      try {
        departments.value = (await api.request(DepartmentsDocument, {})).departments
      } catch (caught) {
        error.value = toApiError(caught)
      } finally {
        loading.value = false
        pending = null
      }
    })()
    return pending
  }

  return { departments, error, loading, load }
})
