// The package ships its types under a misspelt name (index.ts.d), so TypeScript does not find them.
declare module 'unicode-confusables' {
  export function isConfusing(text: string): boolean;
  /** each character replaced by its UTS 39 prototype (confusables.txt); zero-width characters dropped */
  export function rectifyConfusion(text: string): string;
}
