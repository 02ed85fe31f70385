import { describe, expect, it } from 'vitest'
import { ApiError, messageForCode, messageForStatus, toApiError } from '@/graphql/errors'
import { failureFromCode, locateFailureMessage } from '@/utils/geolocation'

describe('error messages', () => {
  it("keeps the API's own Chinese message", () => {
    expect(messageForCode('NOT_FOUND', '没有编号为 X 的事项。')).toBe('没有编号为 X 的事项。')
  })

  it('replaces a message that is not Chinese with the one for its code', () => {
    expect(messageForCode('GRAPHQL_VALIDATION_FAILED', "Cannot query field 'x'")).toBe(
      '应用版本与服务不一致，请刷新页面后重试。',
    )
    expect(messageForCode('RATE_LIMITED', '')).toBe('操作过于频繁，请稍后再试。')
  })

  it('has a Chinese fallback for unknown codes', () => {
    expect(messageForCode('SOMETHING_NEW', 'boom')).toBe('出现未知错误，请稍后重试。')
    expect(messageForCode(undefined, undefined)).toBe('出现未知错误，请稍后重试。')
  })

  it('explains HTTP failures', () => {
    expect(messageForStatus(502)).toBe('服务暂时不可用，请稍后重试。')
    expect(messageForStatus(500)).toBe('服务器返回错误（HTTP 500），请稍后重试。')
  })

  it('offers a retry for network and server trouble, not for a wrong code', () => {
    expect(new ApiError('network', 'NETWORK_ERROR', '…').retryable).toBe(true)
    expect(new ApiError('http', 'HTTP_502', '…').retryable).toBe(true)
    expect(new ApiError('graphql', 'INTERNAL_ERROR', '…').retryable).toBe(true)
    expect(new ApiError('graphql', 'NOT_FOUND', '…').retryable).toBe(false)
  })

  it('wraps anything unexpected', () => {
    const error = toApiError(new TypeError('x is undefined'))
    expect(error.message).toBe('出现未知错误，请稍后重试。')
  })
})

describe('location failures', () => {
  it('maps GeolocationPositionError codes to clear messages', () => {
    expect(failureFromCode(1)).toBe('denied')
    expect(failureFromCode(2)).toBe('unavailable')
    expect(failureFromCode(3)).toBe('timeout')
    expect(locateFailureMessage('denied')).toContain('定位权限已被拒绝')
    expect(locateFailureMessage('insecure')).toContain('HTTPS')
  })
})
