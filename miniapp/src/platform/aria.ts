// H5 half of utils/a11y.ts. Taro renders web components (<taro-button-core>, <taro-view-core>) that take
// ARIA attributes as they are. They are not keyboard operable by themselves, though: the operable roles
// get a tabIndex, and here Enter and Space activate them as they would a native <button>.
export type Role =
  'button' | 'radio' | 'checkbox' | 'alert' | 'status' | 'radiogroup' | 'group' | 'main' | 'region' | 'link' | 'list' | 'listitem';

const OPERABLE = new Set<string>(['button', 'radio', 'checkbox', 'link']);

if (typeof document !== 'undefined') {
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const el = e.target;
    if (!(el instanceof HTMLElement) || !el.tagName.startsWith('TARO-') || !OPERABLE.has(el.getAttribute('role') ?? '')) return;
    e.preventDefault();
    el.click();
  });
}

export function roleProps(role: Role, checked?: boolean): Record<string, string | boolean | number> {
  const props: Record<string, string | boolean | number> = { role };
  if (OPERABLE.has(role)) props.tabIndex = 0;
  if (checked !== undefined) props[role === 'button' ? 'aria-pressed' : 'aria-checked'] = checked;
  return props;
}

/** Taro's H5 Input and Textarea wrap a native <input>/<textarea>: screen readers read that one, reached through nativeProps. */
export function fieldProps(label: string): { 'aria-label': string; nativeProps?: Record<string, string> } {
  return { 'aria-label': label, nativeProps: { 'aria-label': label } };
}

export function headingProps(level: 1 | 2 | 3): Record<string, string | number> {
  return { role: 'heading', 'aria-level': level };
}

export function currentProps(on: boolean): Record<string, string> {
  return on ? { 'aria-current': 'page' } : {};
}
