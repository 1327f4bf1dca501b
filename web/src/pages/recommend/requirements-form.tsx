/** @module web/pages/recommend/requirements-form — every requirement of the vocabulary in a form; its state is the URL's query. */
import type { FormEvent, ReactNode, Ref } from "react";
import { ErrorBox } from "../../components/error-box.js";
import { Field, SelectField } from "../../components/field.js";
import type { Answer } from "../../lib/api-contract.js";
import type { ApiError } from "../../lib/api-error.js";
import type { DimensionInfo, LevelInfo } from "../../lib/dimensions.js";
import { type MessageKey, useLang } from "../../lib/i18n.js";
import { setQuery, useLocation } from "../../lib/router.js";
import { BOUNDS, CHOICES, FORM_KEYS, shownWeight, TEXT_FIELDS, WEIGHT_LABELS, WEIGHTS } from "./form-model.js";

interface RequirementsFormProps {
  readonly onSubmit: (e: FormEvent) => void;
  /** Fills the form with the edge example and recommends. */
  readonly onExample: () => void;
  readonly scenarios: {
    readonly data?: Answer<"GET /api/scenarios"> | undefined;
    readonly error?: ApiError | undefined;
  };
  readonly dims: readonly DimensionInfo[];
  /** The weights the last answer used: they stand on the sliders the user has not moved. */
  readonly used: Answer<"POST /api/recommend">["weights"]["values"] | undefined;
  readonly error: ApiError | undefined;
  readonly errorRef: Ref<HTMLDivElement>;
}

export function RequirementsForm({
  onSubmit,
  onExample,
  scenarios,
  dims,
  used,
  error,
  errorRef,
}: RequirementsFormProps) {
  const { lang, t } = useLang();
  const { query } = useLocation();
  const set = (k: string, v: string | readonly string[] | null) => setQuery({ [k]: v });
  const v = (k: string) => query.get(k) ?? "";
  const levels = (key: string) => dims.find((d) => d.key === key)?.levels ?? [];
  const levelText = (l: LevelInfo) => (
    <>
      {l.code} {l.names?.[lang] ?? ""}
    </>
  );
  return (
    <form className="requirements" onSubmit={onSubmit} aria-labelledby="rq-title">
      <h2 id="rq-title">{t("requirements")}</h2>
      {/* On a phone the answer's column (and its example) is below the form: the example is offered here too. */}
      <p className="examples form-example">
        <button type="button" className="link-button" onClick={onExample}>
          {t("recommendExample")}
        </button>
      </p>
      {scenarios.error && <ErrorBox error={scenarios.error} />}
      <SelectField
        id="rq-scenario"
        label={t("scenario")}
        value={v("scenario")}
        onChange={(x) => set("scenario", x || null)}
        blank={t("anyScenario")}
        choices={(scenarios.data?.scenarios ?? []).map((s) => ({
          value: s.id,
          label: lang === "zh" ? s.names.zh : `${s.names.en} · ${s.names.zh}`,
        }))}
      />
      <Field id="rq-year" label={t("asOfYear")}>
        <input
          id="rq-year"
          type="number"
          min={1990}
          max={2100}
          value={v("year")}
          onChange={(e) => set("year", e.target.value)}
        />
      </Field>
      <Check id="rq-scenario-hard" name="scenarioHard" label={t("scenarioHard")} testId="scenario-hard" />
      <Check id="rq-raw" name="raw" label={t("rawRanking")} testId="raw-ranking" />
      <fieldset>
        <legend>{t("must")}</legend>
        {(["coldStartMs", "memoryMiB"] as const).map((k) => (
          <RangeField key={k} name={k} label={t(k)} sides={["min", "max"]}>
            {(side, labelId) => (
              <input
                type="number"
                min={0}
                step="any"
                value={v(`${k}.${side}`)}
                onChange={(e) => set(`${k}.${side}`, e.target.value)}
                data-testid={`${k}-${side}`}
                aria-describedby={labelId}
              />
            )}
          </RangeField>
        ))}
        {BOUNDS.map((b) => (
          <RangeField
            key={b.key}
            name={b.key}
            label={
              <>
                {t(b.key)} ({b.dim})
              </>
            }
            sides={["atLeast", "atMost"]}
          >
            {(side, labelId) => (
              <select
                value={v(`${b.key}.${side}`)}
                onChange={(e) => set(`${b.key}.${side}`, e.target.value || null)}
                aria-describedby={labelId}
              >
                <option value="">{t("anyValue")}</option>
                {levels(b.dim).map((l) => (
                  <option key={l.code} value={l.code}>
                    {levelText(l)}
                  </option>
                ))}
              </select>
            )}
          </RangeField>
        ))}
        <div className="bools">
          {CHOICES.map((c) => (
            <SelectField
              key={c.key}
              id={c.id}
              className="inline"
              label={t(c.key)}
              value={v(c.key)}
              onChange={(x) => set(c.key, x || null)}
              blank={t("anyValue")}
              choices={c.values.map((x) => ({ value: x, label: t(x) }))}
            />
          ))}
        </div>
        <fieldset className="checks">
          <legend>{t("observability")}</legend>
          {levels("O").map((l) => {
            const on = query.getAll("observability").includes(l.code);
            return (
              <label key={l.code}>
                <input
                  type="checkbox"
                  checked={on}
                  onChange={(e) => {
                    const cur = query.getAll("observability");
                    set("observability", e.target.checked ? [...cur, l.code] : cur.filter((x) => x !== l.code));
                  }}
                />{" "}
                {levelText(l)}
              </label>
            );
          })}
        </fieldset>
        {TEXT_FIELDS.map((f) => (
          <Field key={f.key} id={f.id} label={t(f.label)}>
            <input
              id={f.id}
              value={v(f.key)}
              placeholder={f.placeholder}
              onChange={(e) => set(f.key, e.target.value)}
            />
          </Field>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("prefer")}</legend>
        {!WEIGHTS.some((w) => v(`prefer.${w}`)) && <p className="hint">{t("weightsDefault")}</p>}
        {WEIGHTS.map((w) => (
          <Field key={w} id={`rq-w-${w}`} className="weight" label={t(WEIGHT_LABELS[w])}>
            <input
              id={`rq-w-${w}`}
              type="range"
              min={0}
              max={100}
              step={1}
              value={v(`prefer.${w}`) || String(shownWeight(used?.[w]) ?? 0)}
              onChange={(e) => {
                // The first move makes every weight explicit, from the ones the last answer used: what the
                // sliders show is then exactly what is sent.
                const seeded = WEIGHTS.some((x) => v(`prefer.${x}`))
                  ? {}
                  : Object.fromEntries(WEIGHTS.map((x) => [`prefer.${x}`, String(shownWeight(used?.[x]) ?? 0)]));
                setQuery({ ...seeded, [`prefer.${w}`]: e.target.value });
              }}
            />
            <output htmlFor={`rq-w-${w}`} data-testid={`weight-${w}`}>
              {v(`prefer.${w}`) || (shownWeight(used?.[w]) ?? "—")}
            </output>
          </Field>
        ))}
      </fieldset>
      <Field id="rq-top" className="inline" label={t("top")}>
        <input
          id="rq-top"
          type="number"
          min={1}
          max={20}
          value={v("top") || "5"}
          onChange={(e) => set("top", e.target.value === "5" ? null : e.target.value)}
        />
      </Field>
      {error && <ErrorBox error={error} ref={errorRef} />}
      <div className="actions">
        <button type="submit" className="primary" data-testid="recommend-submit">
          {t("submit")}
        </button>
        <button type="button" onClick={() => setQuery(Object.fromEntries(FORM_KEYS.map((k) => [k, null])))}>
          {t("reset")}
        </button>
      </div>
    </form>
  );
}

/** A requirement with two sides (min/max, at least/at most): its name, then a labelled control a side, described by the name. */
function RangeField<S extends MessageKey>({
  name,
  label,
  sides,
  children,
}: {
  name: string;
  label: ReactNode;
  sides: readonly S[];
  children: (side: S, labelId: string) => ReactNode;
}) {
  const { t } = useLang();
  const labelId = `rq-${name}-label`;
  return (
    <div className="field range">
      <span className="label" id={labelId}>
        {label}
      </span>
      {sides.map((side) => (
        // biome-ignore lint/a11y/noLabelWithoutControl: the control, made by children, is inside the label
        <label key={side}>
          {t(side)} {children(side, labelId)}
        </label>
      ))}
    </div>
  );
}

/** A yes/no requirement as a checkbox: `name=yes` in the URL when checked. */
function Check({ id, name, label, testId }: { id: string; name: string; label: ReactNode; testId: string }) {
  const { query } = useLocation();
  return (
    <label className="check" htmlFor={id}>
      <input
        id={id}
        type="checkbox"
        checked={query.get(name) === "yes"}
        onChange={(e) => setQuery({ [name]: e.target.checked ? "yes" : null })}
        data-testid={testId}
      />
      <span>{label}</span>
    </label>
  );
}
