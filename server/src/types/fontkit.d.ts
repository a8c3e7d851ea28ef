// fontkit ships no types; the posters use it only to name a face in a font collection (.ttc).
declare module 'fontkit' {
  interface Face {
    postscriptName: string;
  }
  export function openSync(path: string): Face | { fonts: Face[] };
}
