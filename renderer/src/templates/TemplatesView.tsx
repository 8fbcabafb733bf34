/** Placeholder: replaced by the templates view. */
export function TemplatesView() {
  return <main className="templates-view"><h1>Templates</h1></main>;
}
