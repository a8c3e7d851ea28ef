// H5 renders web components that take ARIA attributes as they are. They are not keyboard operable by
// themselves, though: a11y() makes the operable ones focusable (tabIndex), and here Enter and Space
// activate them as they would a native <button>.
const OPERABLE_ROLES = new Set(['button', 'radio', 'checkbox', 'link'])

if (typeof document !== 'undefined') {
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return
    const el = e.target
    if (!(el instanceof HTMLElement) || !el.tagName.startsWith('TARO-') || !OPERABLE_ROLES.has(el.getAttribute('role') ?? '')) return
    e.preventDefault()
    el.click()
  })
}

export {}
