import type { TypedDocumentString } from '@/graphql/generated/graphql'

/**
 * A subscription without an `after` cursor (queueBoard, myQueuePosition: each message is
 * the whole state) typed for useSubscription, which adds `after` to every subscription's
 * variables. The extra variable is not declared by the operation, so the server ignores it.
 */
export function cursorless<TData, TVariables>(document: TypedDocumentString<TData, TVariables>) {
  return document as unknown as TypedDocumentString<TData, TVariables & { after?: string | null }>
}
