/** @module web/components/table — a table in its scrolling box: a header row of column titles, then the body rows. */
import { type ReactNode, useLayoutEffect, useRef } from "react";
import { keyed } from "../lib/keyed.js";

/** A column title whose header cell has a class; a bare title (text, an element, null) has none. */
export interface Column {
  readonly title: ReactNode;
  readonly className: string;
}

function isColumn(c: ReactNode | Column): c is Column {
  return typeof c === "object" && c !== null && "title" in c && "className" in c;
}

/**
 * The rows (`<tr>`s) go in as children; `columns`, when given, make a `<thead>` of `<th scope="col">`s. A table
 * with columns (a matrix excepted) becomes stacked records on a narrow screen: each cell carries its column's
 * title (`data-label`), which the stylesheet shows before the value.
 * @example <Table columns={["metric", "value"]} className="compact">{rows}</Table>
 */
export function Table({
  columns,
  className,
  box,
  testId,
  children,
}: {
  columns?: readonly (ReactNode | Column)[] | undefined;
  className?: string | undefined;
  /** Added to the box's `table-wrap` class (`matrix-wrap`). */
  box?: string | undefined;
  testId?: string | undefined;
  children: ReactNode;
}) {
  const ref = useRef<HTMLTableElement>(null);
  const stackable = columns !== undefined && !/\bmatrix\b/.test(className ?? "");
  // After every render: the rows may have changed, so their cells are labelled again.
  useLayoutEffect(() => {
    const table = ref.current;
    if (!table || !stackable) return;
    const titles = [...table.querySelectorAll("thead th")].map((th) => th.textContent?.trim() ?? "");
    for (const row of table.querySelectorAll("tbody tr")) {
      [...row.children].forEach((cell, i) => {
        const title = titles[i];
        if (cell.tagName === "TD" && title) cell.setAttribute("data-label", title);
      });
    }
  });
  const classes = [className, stackable ? "stackable" : undefined].filter(Boolean).join(" ");
  return (
    <div className={box ? `table-wrap ${box}` : "table-wrap"}>
      <table className={classes || undefined} data-testid={testId} ref={ref}>
        {columns && (
          <thead>
            <tr>
              {keyed(columns).map(([i, c]) =>
                isColumn(c) ? (
                  <th key={i} scope="col" className={c.className}>
                    {c.title}
                  </th>
                ) : (
                  <th key={i} scope="col">
                    {c}
                  </th>
                ),
              )}
            </tr>
          </thead>
        )}
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
