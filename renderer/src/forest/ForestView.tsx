/** Placeholder: replaced by the forest view. */
export function ForestView() {
  return <main className="forest-view"><h1>Forest</h1></main>;
}
