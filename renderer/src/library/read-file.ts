/** A picked or dropped File as the contract's { fileName, base64 }. */
import type { ImportFileData } from '../../../shared/contract';

export function readFileAsBase64(file: File): Promise<ImportFileData> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error(`Could not read ${file.name}: ${reader.error?.message ?? 'unknown error'}`));
    reader.onload = () => {
      // A data: URL is "data:<mime>;base64,<payload>"; the payload is what the core wants.
      const url = String(reader.result);
      resolve({ fileName: file.name, base64: url.slice(url.indexOf(',') + 1) });
    };
    reader.readAsDataURL(file);
  });
}

export const IMPORT_ACCEPT = '.pdf,.txt,.md,.markdown,.html,.htm,.ris,.bib,.bibtex,.nbib,.medline,.xml,.json';
