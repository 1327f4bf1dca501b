/** @module web/components/source-ref — a source id with its evidence grade, linked when the citation has a URL. */

export function SourceRef({
  source,
  grade,
  citation,
}: {
  source: string;
  grade?: string | undefined;
  /** Where the source is: its title and URL (as the API cites it). */
  citation?: { readonly title?: string | undefined; readonly url?: string | undefined } | undefined;
}) {
  const title = citation?.title ?? source;
  return (
    <span className="source-ref">
      {citation?.url ? (
        <a href={citation.url} title={title} rel="noreferrer noopener" target="_blank">
          {source}
        </a>
      ) : (
        <span title={title}>{source}</span>
      )}
      {grade && (
        <span className={`grade grade-${grade}`} title={`evidence grade ${grade}`}>
          {grade}
        </span>
      )}
    </span>
  );
}
