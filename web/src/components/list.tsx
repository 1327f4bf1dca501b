/** @module web/components/list — the items of an answer as a list, in the order given (each keyed by its position). */
import type { ReactNode } from "react";
import { keyed } from "../lib/keyed.js";

/**
 * One `<li>` per item, its content what `children` makes of the item.
 * @example <List items={s.tradeoffs}>{(x) => x}</List>
 */
export function List<T>({
  items,
  ordered = false,
  className,
  label,
  testId,
  children,
}: {
  items: readonly T[];
  /** An `<ol>` rather than a `<ul>`. */
  ordered?: boolean;
  className?: string | undefined;
  /** The list's aria-label. */
  label?: string | undefined;
  testId?: string | undefined;
  children: (item: T) => ReactNode;
}) {
  const Tag = ordered ? "ol" : "ul";
  return (
    <Tag className={className} aria-label={label} data-testid={testId}>
      {keyed(items).map(([i, x]) => (
        <li key={i}>{children(x)}</li>
      ))}
    </Tag>
  );
}
