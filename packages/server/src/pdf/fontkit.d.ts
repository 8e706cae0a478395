// fontkit (PDFKit's font engine) ships no types; this is the one call motcua makes of it.
declare module 'fontkit' {
  /** Parses a font file; PDFKit's registerFont accepts the result (anything with a `layout` method). */
  export function create(buffer: Uint8Array): { layout: (text: string) => unknown };
}
