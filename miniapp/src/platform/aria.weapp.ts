// weapp half of utils/a11y.ts. WeChat reads aria-role and aria-checked, and has no headings or
// aria-current. The attribute table below is the runtime half of config/a11y-plugin.js: the same aria
// attributes, so that Taro's attribute numbering at run time matches the one written into base.wxml.
// Must run before the first page renders (app.tsx imports this file first).
import { mergeInternalComponents } from '@tarojs/shared';
import ariaComponents from '../../config/aria-attrs.js';
import type { Role } from './aria';

export type { Role } from './aria';

mergeInternalComponents(ariaComponents);

export function roleProps(role: Role, checked?: boolean): Record<string, string | boolean | number> {
  const props: Record<string, string | boolean | number> = { 'aria-role': role };
  if (checked !== undefined) props['aria-checked'] = checked;
  return props;
}

/** WeChat reads aria-label on the Input or Textarea itself. */
export function fieldProps(label: string): { 'aria-label': string; nativeProps?: Record<string, string> } {
  return { 'aria-label': label };
}

export function headingProps(_level: 1 | 2 | 3): Record<string, string | number> {
  return {};
}

export function currentProps(_on: boolean): Record<string, string> {
  return {};
}
