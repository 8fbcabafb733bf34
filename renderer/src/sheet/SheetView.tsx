/** Placeholder: replaced by the sheet view. */
export function SheetView() {
  return <main className="sheet-view"><h1>Sheet</h1></main>;
}
