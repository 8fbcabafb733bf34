/** Placeholder: replaced by the duplicates view. */
export function DuplicatesView(_props: { onChanged: () => void }) {
  return <main className="duplicates-view"><h1>Duplicates</h1></main>;
}
