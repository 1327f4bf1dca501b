/** @module web/components/source-ref — a source id with its evidence grade, linked when the citation has a URL. */
import type { Citation } from "../lib/types.js";

export function SourceRef({
  source,
  grade,
  citation,
}: {
  source: string;
  grade?: string | undefined;
  citation?: Citation | undefined;
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
