/** "Linked reports": articles a person linked as reports of one study (kept separate, not merged). */
import type { ArticleSummary, StudyGroup } from '../../../shared/model/index';
import { hrefFor } from '../app/route';

export function StudyGroups({ groups, articles }: { groups: StudyGroup[]; articles: ArticleSummary[] }) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return (
    <section className="study-groups" aria-labelledby="linked-reports">
      <h2 id="linked-reports">Linked reports</h2>
      {groups.length === 0 ? (
        <p className="muted">
          No linked reports yet. Use <strong>Same study, different reports</strong> on a pair to link articles that
          report one study (a trial's primary paper and its post-hoc analysis, a news piece about it) without merging
          them.
        </p>
      ) : (
        <ul className="study-group-list">
          {groups.map((group) => (
            <li key={group.id}>
              <div className="study-group-label">
                {group.label}{' '}
                <span className={`badge status-${group.status}`}>{group.status === 'confirmed' ? 'Confirmed' : 'Suggested'}</span>
              </div>
              <ul>
                {group.articleIds.map((id) => {
                  const article = byId.get(id);
                  return (
                    <li key={id}>
                      {article ? (
                        <a href={hrefFor({ view: 'reader', articleId: id, annotationId: null })}>{article.title || article.fileName}</a>
                      ) : (
                        <span className="muted">Article {id} (no longer in the review)</span>
                      )}
                      {article?.year ? <span className="muted"> · {article.year}</span> : null}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
