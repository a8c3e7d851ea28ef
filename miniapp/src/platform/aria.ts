// H5 renders web components that take ARIA attributes as they are: nothing to patch.
export {}
