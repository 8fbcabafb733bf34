/** A request to scroll to an annotation's highlight; `nonce` makes a second click on the same one count. */
export interface FocusRequest {
  id: string;
  page: number | null;
  nonce: number;
}
