/**
 * @module web/components/query-form — the form of a page that asks for a stack, a coordinate or two ends
 * (lookup, locate, compare, migrate, observe): its fields mirror the URL's query, submitting puts them there
 * (so every answer is a link), and examples fill it in one click.
 */
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { setQuery, useLocation } from "../lib/router.js";
import { Field } from "./field.js";

export interface QueryField {
  /** The query key the field stands for; the control's id is `<form id>-<key>`. */
  readonly key: string;
  readonly label: ReactNode;
  readonly placeholder?: string | undefined;
  /** Several values of the key, written `a; b` in the field. */
  readonly multiple?: boolean;
  /** The id of a datalist of suggestions. */
  readonly list?: string | undefined;
}

export interface QueryExample {
  readonly label: ReactNode;
  /** The fields it fills (the others are emptied). */
  readonly values: Readonly<Record<string, string | readonly string[]>>;
  readonly testId?: string;
}

type Values = Readonly<Record<string, string>>;

const splitList = (s: string) =>
  s
    .split(";")
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * The page's help, its form and its examples.
 * @example <QueryForm id="locate" fields={[{ key: "stack", label: "Stack" }]} submit="Locate" />
 */
export function QueryForm({
  id,
  fields,
  submit,
  help,
  examples = [],
  exampleLabel,
}: {
  id: string;
  fields: readonly QueryField[];
  submit: ReactNode;
  help?: ReactNode;
  examples?: readonly QueryExample[];
  exampleLabel?: ReactNode;
}) {
  const { query } = useLocation();
  const fromQuery = (): Values =>
    Object.fromEntries(
      fields.map((f) => [f.key, f.multiple ? query.getAll(f.key).join("; ") : (query.get(f.key) ?? "")]),
    );
  const inUrl = fromQuery();
  const [values, setValues] = useState<Values>(inUrl);
  const urlKey = JSON.stringify(inUrl);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the fields follow the URL when it changes (a link, an example, back)
  useEffect(() => setValues(inUrl), [urlKey]);
  const go = (e: FormEvent) => {
    e.preventDefault();
    setQuery(
      Object.fromEntries(
        fields.map((f) => {
          const v = values[f.key] ?? "";
          return [f.key, f.multiple ? splitList(v) : v.trim() || null];
        }),
      ),
      true,
    );
  };
  const fill = (x: QueryExample) =>
    setQuery(Object.fromEntries(fields.map((f) => [f.key, x.values[f.key] ?? null])), true);
  const helpId = help === undefined ? undefined : `${id}-help`;
  return (
    <>
      {help !== undefined && (
        <p className="hint" id={helpId}>
          {help}
        </p>
      )}
      <form className="query-form" onSubmit={go}>
        {fields.map((f) => (
          <Field key={f.key} id={`${id}-${f.key}`} label={f.label}>
            <input
              id={`${id}-${f.key}`}
              value={values[f.key] ?? ""}
              onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
              aria-describedby={helpId}
              placeholder={f.placeholder}
              list={f.list}
            />
          </Field>
        ))}
        <button type="submit" className="primary" data-testid={`${id}-submit`}>
          {submit}
        </button>
      </form>
      {examples.length > 0 && (
        <p className="examples">
          {exampleLabel}:{" "}
          {examples.map((x) => (
            <button
              key={JSON.stringify(x.values)}
              type="button"
              className="link-button"
              data-testid={x.testId}
              onClick={() => fill(x)}
            >
              {x.label}
            </button>
          ))}
        </p>
      )}
    </>
  );
}
