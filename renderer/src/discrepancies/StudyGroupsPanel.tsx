/**
 * Study groups on the board: which articles report one study, why Evidentia thinks so, and the
 * person's say — confirm a suggested group, split an article off, join two groups.
 */
import { useState } from 'react';
import type { Input } from '../../../shared/contract';
import type { ArticleSummary, StudyGroup } from '../../../shared/model/index';
import { hrefFor } from '../app/route';
import { Field } from '../forms/Field';
import { plural } from './board';

interface Props {
  groups: StudyGroup[];
  articles: ArticleSummary[];
  disabled: boolean;
  change: (input: Input<'studies.update'>) => Promise<unknown>;
}

const titleOf = (a: ArticleSummary) => a.title || a.fileName;

function GroupCard({ group, others, byId, disabled, change }: { group: StudyGroup; others: StudyGroup[]; byId: Map<string, ArticleSummary> } & Pick<Props, 'disabled' | 'change'>) {
  const [joinWith, setJoinWith] = useState('');
  const label = group.label || 'Unnamed study';
  return (
    <li className={`study-card status-${group.status}`} aria-label={`Study group: ${label}`}>
      <div className="study-card-head">
        <strong>{label}</strong>
        <span className={`badge status status-${group.status}`}>{group.status === 'confirmed' ? 'Confirmed' : 'Suggested'}</span>
        <span className="muted">{plural(group.articleIds.length, 'article')}</span>
        <span className="spacer" />
        {group.status === 'suggested' ? (
          <button type="button" className="primary" disabled={disabled} onClick={() => void change({ action: 'confirm', groupId: group.id })}>
            Confirm group
          </button>
        ) : null}
      </div>
      {group.evidence.length > 0 ? (
        <p className="study-evidence">
          <span className="muted">Evidence: </span>
          {group.evidence.join('; ')}
        </p>
      ) : null}
      <ul className="study-members">
        {group.articleIds.map((id) => {
          const article = byId.get(id);
          const title = article ? titleOf(article) : `Article ${id}`;
          return (
            <li key={id}>
              {article ? <a href={hrefFor({ view: 'reader', articleId: id, annotationId: null })}>{title}</a> : <span className="muted">{title} (no longer in the review)</span>}
              {article?.year ? <span className="muted"> · {article.year}</span> : null}
              <button
                type="button"
                className="link danger split"
                disabled={disabled}
                aria-label={`Split “${title}” off this group`}
                title="Not the same study: take this article out of the group (it will not be grouped with the others again)"
                onClick={() => void change({ action: 'split', groupId: group.id, articleId: id })}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {others.length > 0 ? (
        <form
          className="study-join"
          onSubmit={(e) => {
            e.preventDefault();
            if (joinWith) void change({ action: 'join', groupId: group.id, otherGroupId: joinWith });
          }}
        >
          <Field label="Join with">
            {(id) => (
              <select id={id} value={joinWith} onChange={(e) => setJoinWith(e.target.value)}>
                <option value="">Choose a group…</option>
                {others.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label || 'Unnamed study'} ({plural(o.articleIds.length, 'article')})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" disabled={disabled || joinWith === ''}>
            Join
          </button>
        </form>
      ) : null}
    </li>
  );
}

export function StudyGroupsPanel({ groups, articles, disabled, change }: Props) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  if (groups.length === 0) {
    return (
      <p className="muted">
        No study groups yet. <strong>Run checks</strong> groups articles that share a trial id, an acronym, a DOI or a title;
        the Duplicates view links them by hand.
      </p>
    );
  }
  return (
    <ul className="study-cards">
      {groups.map((group) => (
        <GroupCard key={group.id} group={group} others={groups.filter((g) => g.id !== group.id)} byId={byId} disabled={disabled} change={change} />
      ))}
    </ul>
  );
}
