import { describe, expect, expectTypeOf, it } from 'vitest'
import { createClient } from '@/graphql/client'
import { ApiError } from '@/graphql/errors'
import { MatterDocument, type MatterQuery } from '@/graphql/generated/graphql'

type FetchArgs = Parameters<typeof fetch>

function respond(body: unknown, init: ResponseInit = {}, seen: FetchArgs[] = []): typeof fetch {
  return async (...args: FetchArgs) => {
    seen.push(args)
    const text = typeof body === 'string' ? body : JSON.stringify(body)
    return new Response(text, { status: 200, ...init })
  }
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError)
    return error as ApiError
  }
  throw new Error('expected the request to fail')
}

describe('GraphQL client', () => {
  it('POSTs the document and returns data', async () => {
    const seen: FetchArgs[] = []
    const client = createClient({
      fetch: respond({ data: { matter: { code: 'GA001' } } }, {}, seen),
    })
    const data = await client.request(MatterDocument, { code: 'GA001' })
    expect(data.matter.code).toBe('GA001')

    const [url, init] = seen[0]!
    expect(url).toBe('/graphql')
    expect(init?.method).toBe('POST')
    const body = JSON.parse(String(init?.body))
    expect(body.operationName).toBe('Matter')
    expect(body.variables).toEqual({ code: 'GA001' })
    expect(body.query).toContain('matter(code: $code)')
  })

  it('takes the result and variables types from the generated document', async () => {
    const client = createClient({ fetch: respond({ data: { matter: { code: 'GA001' } } }) })
    const pending = client.request(MatterDocument, { code: 'GA001' })
    expectTypeOf(pending).resolves.toEqualTypeOf<MatterQuery>()
    // @ts-expect-error: the document declares $code: String!
    expectTypeOf(client.request).toBeCallableWith(MatterDocument, {})
    const data = await pending
    // @ts-expect-error: a Matter field the document does not select is not in its result
    expect(data.matter.eCertificatesAccepted).toBeUndefined()
  })

  it('surfaces extensions.code, field and the Chinese message', async () => {
    const client = createClient({
      fetch: respond({
        data: null,
        errors: [
          {
            message: '没有编号为 X 的事项。',
            path: ['matter'],
            extensions: { code: 'NOT_FOUND', field: 'code' },
          },
        ],
      }),
    })
    const error = await failureOf(client.request(MatterDocument, { code: 'X' }))
    expect(error.kind).toBe('graphql')
    expect(error.code).toBe('NOT_FOUND')
    expect(error.field).toBe('code')
    expect(error.message).toBe('没有编号为 X 的事项。')
    expect(error.retryable).toBe(false)
  })

  it('keeps extensions.reason of a permission error', async () => {
    const client = createClient({
      fetch: respond({
        data: { me: null },
        errors: [
          {
            message: '请先完成实名认证。',
            extensions: { code: 'FORBIDDEN', reason: 'REAL_NAME_REQUIRED' },
          },
        ],
      }),
    })
    const error = await failureOf(client.request(MatterDocument, { code: 'X' }))
    expect(error.code).toBe('FORBIDDEN')
    expect(error.reason).toBe('REAL_NAME_REQUIRED')
    expect(error.message).toBe('请先完成实名认证。')
  })

  it('sends no Authorization header without a session', async () => {
    const seen: FetchArgs[] = []
    const client = createClient({ fetch: respond({ data: { matter: { code: 'A' } } }, {}, seen) })
    await client.request(MatterDocument, { code: 'A' })
    expect(Object.keys(seen[0]![1]?.headers ?? {})).not.toContain('authorization')
  })

  it('treats errors as failure even with partial data', async () => {
    const client = createClient({
      fetch: respond({
        data: { matter: null },
        errors: [{ message: '服务暂时出现问题，请稍后再试。', extensions: { code: 'INTERNAL_ERROR' } }],
      }),
    })
    const error = await failureOf(client.request(MatterDocument, { code: 'X' }))
    expect(error.code).toBe('INTERNAL_ERROR')
    expect(error.retryable).toBe(true)
  })

  it('reads a GraphQL error body sent with HTTP 400', async () => {
    const client = createClient({
      fetch: respond(
        { errors: [{ message: 'Syntax Error', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
        { status: 400 },
      ),
    })
    const error = await failureOf(client.request(MatterDocument, { code: 'X' }))
    expect(error.code).toBe('GRAPHQL_VALIDATION_FAILED')
    expect(error.message).toBe('应用版本与服务不一致，请刷新页面后重试。')
  })

  it('reports a network failure as retryable', async () => {
    const client = createClient({
      fetch: async () => {
        throw new TypeError('Failed to fetch')
      },
    })
    const error = await failureOf(client.request(MatterDocument, { code: 'X' }))
    expect(error.kind).toBe('network')
    expect(error.code).toBe('NETWORK_ERROR')
    expect(error.message).toBe('网络连接失败，请检查网络后重试。')
    expect(error.retryable).toBe(true)
  })

  it('reports a proxy error page as the service being unavailable', async () => {
    const client = createClient({
      fetch: respond('<html>Bad Gateway</html>', { status: 502 }),
    })
    const error = await failureOf(client.request(MatterDocument, { code: 'X' }))
    expect(error.kind).toBe('http')
    expect(error.status).toBe(502)
    expect(error.message).toBe('服务暂时不可用，请稍后重试。')
    expect(error.retryable).toBe(true)
  })

  it('gives up after the timeout', async () => {
    const client = createClient({
      timeoutMs: 10,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          )
        }),
    })
    const error = await failureOf(client.request(MatterDocument, { code: 'X' }))
    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toBe('请求超时，请检查网络后重试。')
  })

  it('lets the caller cancel without reporting an error', async () => {
    const client = createClient({
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          )
        }),
    })
    const controller = new AbortController()
    const pending = client.request(MatterDocument, { code: 'X' }, controller.signal)
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })
})
