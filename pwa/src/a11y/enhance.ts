/**
 * Accessibility repairs to the markup Vant renders, kept in one place for every page:
 *
 * - Icon-font glyphs (<i class="van-icon">) are decoration: aria-hidden, so their private-use
 *   characters do not leak into the names of the buttons and cells that hold them.
 * - A field's error message (.van-field__error-message) is tied to its input
 *   (aria-describedby, aria-invalid) and announced when it appears (role="alert").
 *
 * Vant renders these without the attributes and offers no prop for them; a MutationObserver
 * adds them to whatever is rendered, now and later.
 */

let next = 0

function hideIcons(root: ParentNode): void {
  for (const icon of root.querySelectorAll<HTMLElement>('i.van-icon:not([aria-hidden])')) {
    icon.setAttribute('aria-hidden', 'true')
  }
}

function tieFieldErrors(root: ParentNode): void {
  for (const field of root.querySelectorAll<HTMLElement>('.van-field')) {
    const control = field.querySelector<HTMLElement>('input, textarea')
    if (!control) continue
    const message = field.querySelector<HTMLElement>('.van-field__error-message')
    if (message) {
      if (!message.id) message.id = `tb-field-error-${++next}`
      message.setAttribute('role', 'alert')
      if (control.getAttribute('aria-describedby') !== message.id) {
        control.setAttribute('aria-describedby', message.id)
      }
      if (control.getAttribute('aria-invalid') !== 'true') control.setAttribute('aria-invalid', 'true')
    } else if (control.hasAttribute('aria-invalid')) {
      control.removeAttribute('aria-invalid')
      control.removeAttribute('aria-describedby')
    }
  }
}

function repair(): void {
  hideIcons(document)
  tieFieldErrors(document)
}

export function enhanceAccessibility(): void {
  repair()
  let scheduled = false
  new MutationObserver(() => {
    if (scheduled) return
    scheduled = true
    queueMicrotask(() => {
      scheduled = false
      repair()
    })
  }).observe(document.body, { childList: true, subtree: true })
}
