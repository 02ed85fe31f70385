/**
 * The queries a page's first screen waits for, fetched by index.html's inline script as soon
 * as the page is opened (scripts/app-shell.ts), while the app's JavaScript is still loading:
 * the data arrives with the code instead of one round trip after it, and the page's own
 * queries, started later, take those answers (src/graphql/client.ts `takeEarly`).
 *
 * Each query: a generated document whose answer is the same for every caller (codegen marks
 * it `anonymous`; the build refuses any other, since the inline script sends no token), and
 * its variables as the page sends them: a string ':name' stands for the route's param, any
 * other value is sent as it is. A page that asks with other variables simply does not find
 * the answer and fetches as usual (tests/pwa/test_pwa_browser.py counts the requests).
 */
import * as generated from '../src/graphql/generated/graphql.ts'

export type Scalar = string | number | boolean | null

export interface FirstScreenQuery {
  document: { toString(): string; __meta__?: Record<string, unknown> }
  variables: Record<string, Scalar>
}

export const FIRST_SCREEN: Record<string, FirstScreenQuery[]> = {
  // src/pages/matters/detail.vue and its 办事指南 (src/components/MatterGuide.vue).
  '/matters/:code': [
    { document: generated.MatterDocument, variables: { code: ':code' } },
    { document: generated.MatterGuideDocument, variables: { code: ':code' } },
  ],
  // src/pages/centres/detail.vue: the centre and its map links (src/components/CentreMapLinks.vue).
  '/centres/:code': [
    { document: generated.CentreDocument, variables: { code: ':code' } },
    { document: generated.CentreLinksByCodeDocument, variables: { code: ':code' } },
  ],
  // src/pages/centres/matters.vue: the first page (useConnection's PAGE_SIZE).
  '/centres/:code/matters': [
    {
      document: generated.CentreMattersDocument,
      variables: { code: ':code', first: 20, after: null },
    },
  ],
}
