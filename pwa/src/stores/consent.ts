import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import {
  AcceptConsentsDocument,
  api,
  type LegalDocumentFieldsFragment,
  type MutationErrorFieldsFragment as MutationError,
  MyConsentsDocument,
} from '@/graphql'

/**
 * The signed-in resident's consent to the user agreement and the privacy policy. The router
 * (router/consent.ts) asks `ensure()` before every page: while a current version is not
 * accepted, the resident sees the consent page and nothing else.
 */
export const useConsentStore = defineStore('consent', () => {
  /** Documents still to accept; null while not known for this resident. */
  const pending = shallowRef<LegalDocumentFieldsFragment[] | null>(null)
  const residentId = ref<string | null>(null)
  let inFlight: Promise<LegalDocumentFieldsFragment[] | null> | null = null

  /** What the resident `id` still has to accept (asked once, then remembered). */
  function ensure(id: string): Promise<LegalDocumentFieldsFragment[] | null> {
    if (residentId.value === id && pending.value !== null) return Promise.resolve(pending.value)
    inFlight ??= (async () => {
      try {
        const status = (await api.request(MyConsentsDocument, {})).myConsents
        residentId.value = id
        pending.value = status.pending
        return status.pending
      } catch {
        return null // offline or failing: asked again on the next page
      } finally {
        inFlight = null
      }
    })()
    return inFlight
  }

  /** Accepts the versions shown; the payload's errors when refused. */
  async function accept(documents: LegalDocumentFieldsFragment[]): Promise<MutationError[]> {
    const payload = (
      await api.request(AcceptConsentsDocument, {
        documents: documents.map((d) => ({ document: d.kind, version: d.version })),
      })
    ).acceptConsents
    if (payload.errors.length || !payload.status) return payload.errors
    pending.value = payload.status.pending
    return []
  }

  function reset(): void {
    pending.value = null
    residentId.value = null
  }

  return { pending, ensure, accept, reset }
})
