// The one accessibility helper: every page and component takes its ARIA props from here. What differs
// between the platforms (H5's standard ARIA and keyboard, WeChat's aria-role and its attribute table)
// is in the twin files platform/aria.ts (H5) and platform/aria.weapp.ts.
import { currentProps, fieldProps, headingProps, roleProps, type Role } from '../platform/aria';

interface A11y {
  /** needed on controls; live regions (alert, status) are read from their content */
  label?: string;
  role: Role;
  /** pressed/checked state of a toggle or option */
  checked?: boolean;
  disabled?: boolean;
}

/** Accessibility props for a tappable Taro View or Button, or a region. */
export function a11y({ label, role, checked, disabled }: A11y): Record<string, string | boolean | number> {
  const props: Record<string, string | boolean | number> = roleProps(role, checked);
  if (label) props['aria-label'] = label;
  // Taro's H5 <taro-button-core> writes disabled="false" when enabled: aria-disabled is the reliable state.
  if (disabled !== undefined) props['aria-disabled'] = disabled;
  return props;
}

/** The label of an Input or Textarea. */
export const fieldA11y = fieldProps;

/** A heading of this level (the page title is 1). */
export const heading = headingProps;

/** The current page in a navigation. */
export const current = currentProps;
