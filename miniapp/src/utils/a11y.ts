// Accessibility props for a tappable Taro View. H5 takes standard ARIA (role, aria-pressed);
// WeChat reads aria-role and aria-checked instead (see config/a11y-plugin.js for the weapp side).
interface A11y {
  /** needed on controls; live regions (alert, status) are read from their content */
  label?: string
  role: 'button' | 'radio' | 'checkbox' | 'alert' | 'status' | 'radiogroup' | 'group' | 'main' | 'region' | 'link' | 'list' | 'listitem'
  /** pressed/checked state of a toggle or option */
  checked?: boolean
  disabled?: boolean
}

// Roles a person operates; on H5 they sit on custom elements (<taro-button-core>, <taro-view-core>) that the
// keyboard cannot reach by themselves: tabIndex here, Enter and Space in platform/aria.ts.
const OPERABLE = new Set<A11y['role']>(['button', 'radio', 'checkbox', 'link'])

export function a11y({ label, role, checked, disabled }: A11y): Record<string, string | boolean | number> {
  const props: Record<string, string | boolean | number> = {}
  if (label) props['aria-label'] = label
  // Taro's H5 <taro-button-core> writes disabled="false" when enabled: aria-disabled is the reliable state.
  if (disabled !== undefined) props['aria-disabled'] = disabled
  if (process.env.TARO_ENV === 'weapp') {
    props['aria-role'] = role
    if (checked !== undefined) props['aria-checked'] = checked
  } else {
    props.role = role
    if (OPERABLE.has(role)) props.tabIndex = 0
    if (checked !== undefined) props[role === 'button' ? 'aria-pressed' : 'aria-checked'] = checked
  }
  return props
}

/**
 * The label of an Input or Textarea. WeChat reads aria-label on the component; Taro's H5 component
 * wraps a native <input>/<textarea> that screen readers read instead, reached through nativeProps.
 */
export function fieldA11y(label: string): { 'aria-label': string; nativeProps?: Record<string, string> } {
  if (process.env.TARO_ENV === 'weapp') return { 'aria-label': label }
  return { 'aria-label': label, nativeProps: { 'aria-label': label } }
}
