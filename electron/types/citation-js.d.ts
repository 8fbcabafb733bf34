// citation-js ships no TypeScript types. These cover only what electron/core/citations and the
// BibTeX/RIS writers call; the objects are CSL-JSON items (https://citeproc-js.readthedocs.io/).
declare module '@citation-js/core' {
  /** One CSL-JSON item; fields are read defensively by the callers. */
  export type CslItem = Record<string, unknown>;

  export class Cite {
    constructor(data?: unknown, options?: Record<string, unknown>);
    data: CslItem[];
    /** 'bibtex' | 'biblatex' | 'ris' | 'data' …; `{ format: 'object' }` returns the plugin's objects. */
    format(style: string, options?: Record<string, unknown>): unknown;
  }

  export const plugins: {
    input: {
      /** Parses any registered input (BibTeX text, RIS text, CSL-JSON …) into CSL-JSON items. */
      chain(input: unknown, options?: { generateGraph?: boolean; forceType?: string; target?: string }): CslItem[];
      /** The registered input type citation-js recognises, e.g. '@biblatex/text', '@ris/file'. */
      type(input: unknown): string;
    };
  };
}

declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
