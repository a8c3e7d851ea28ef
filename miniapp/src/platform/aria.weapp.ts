// Runtime half of config/a11y-plugin.js: the same aria attributes, so that Taro's attribute numbering
// at run time matches the one written into base.wxml. Must run before the first page renders.
import { mergeInternalComponents } from '@tarojs/shared'
import ariaComponents from '../../config/aria-attrs.js'

mergeInternalComponents(ariaComponents)
