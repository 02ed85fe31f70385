import { describe, expect, it } from 'vitest'
import {
  ApiError,
  formErrors,
  fromMutationError,
  messageForCode,
  messageForStatus,
  toApiError,
} from '@/graphql/errors'
import { ERROR_CODES } from '@/graphql/enums'
import type { MutationErrorFieldsFragment as MutationError } from '@/graphql/generated/graphql'
import { zhCN } from '@/locales/zh-CN'
import { hasChinese } from '@/utils/text'
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

describe('sign-in and real-name errors', () => {
  it('has a Chinese message for every code in the schema', () => {
    for (const code of ERROR_CODES) {
      expect(hasChinese(zhCN.errors.byCode[code]), code).toBe(true)
    }
  })

  it.each([
    ['INVALID_PHONE', '请输入正确的 11 位中国大陆手机号码。'],
    ['RATE_LIMITED', '操作过于频繁，请稍后再试。'],
    ['OTP_INVALID', '验证码不正确，请重新输入。'],
    ['OTP_EXPIRED', '验证码已过期，请重新获取。'],
    ['OTP_ATTEMPTS_EXCEEDED', '验证码输错次数过多，请重新获取。'],
    ['ID_NUMBER_INVALID_LENGTH', '身份证号码应为 18 位。'],
    ['ID_NUMBER_INVALID_CHECKSUM', '身份证号码校验位不正确，请检查是否输错。'],
    ['REAL_NAME_MISMATCH', '姓名与身份证号码不一致，请核对后重试。'],
    ['REAL_NAME_ALREADY_VERIFIED', '您已完成实名认证。'],
    ['ID_NUMBER_ALREADY_BOUND', '该身份证号码已绑定其他账号。如非本人操作，请携带身份证到受理中心处理。'],
    ['REFRESH_TOKEN_REUSED', '为保护账号安全，本次登录已注销，请重新登录。'],
  ])('%s -> %s (when the server sends no Chinese message)', (code, message) => {
    expect(messageForCode(code, 'code invalid')).toBe(message)
  })

  it("prefers the server's more specific Chinese message", () => {
    expect(messageForCode('OTP_INVALID', '验证码不正确，还可以再试 4 次。')).toBe(
      '验证码不正确，还可以再试 4 次。',
    )
    expect(messageForCode('RATE_LIMITED', '请 42 秒后再获取验证码。')).toBe('请 42 秒后再获取验证码。')
  })

  it('puts each payload error under its input, the rest above the button', () => {
    const errors: MutationError[] = [
      { field: 'code', message: '验证码已过期，请重新获取。', code: 'OTP_EXPIRED' },
      { field: null, message: '', code: 'REAL_NAME_MISMATCH' },
    ]
    expect(formErrors(errors, ['phone', 'code'])).toEqual({
      code: '验证码已过期，请重新获取。',
      form: '姓名与身份证号码不一致，请核对后重试。',
    })
  })

  it('finds the input from the code when the API gives no field', () => {
    const errors: MutationError[] = [
      { field: null, message: 'bad', code: 'ID_NUMBER_INVALID_CHECKSUM' },
      { field: null, message: '请填写身份证上的姓名。', code: 'INVALID_NAME' },
    ]
    expect(formErrors(errors, ['name', 'idNumber'])).toEqual({
      idNumber: '身份证号码校验位不正确，请检查是否输错。',
      name: '请填写身份证上的姓名。',
    })
    // A field the form does not show goes to the form.
    expect(formErrors([{ field: 'phone', message: '', code: 'INVALID_PHONE' }], ['code'])).toEqual({
      form: '请输入正确的 11 位中国大陆手机号码。',
    })
  })

  it('turns a payload error into an ApiError', () => {
    const error = fromMutationError({
      field: 'refreshToken',
      message: '登录已过期，请重新登录。',
      code: 'REFRESH_TOKEN_EXPIRED',
    })
    expect(error).toMatchObject({ kind: 'graphql', code: 'REFRESH_TOKEN_EXPIRED', field: 'refreshToken' })
    expect(error.retryable).toBe(false)
    expect(new ApiError('graphql', 'REGISTRY_UNAVAILABLE', '…').retryable).toBe(true)
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
