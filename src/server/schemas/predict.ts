/** @module server/schemas/predict — `predict`: scenario forecasts, CNCF project forecasts and the project model's backtest. */
import { z } from "@hono/zod-openapi";
import { Names } from "../../model/_common.js";
import { list } from "./_list.js";
import { Coordinate, CoordinateValue } from "./coordinate.js";
import { YearParam } from "./year.js";

const PROJECT_EVENTS = ["incubation", "graduation", "archival"] as const;

/** A score that is null when it cannot be computed (no forecast, or a single class): JSON has no NaN. */
const Score = z.number().nullable();

/** A whole number of years in a query string, from `min` to `max`. */
const yearsParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,2}$/, `a whole number of years from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .openapi({ type: "string", example: "3" });

/** A day, `YYYY-MM-DD`. */
const DateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a day is written YYYY-MM-DD")
  .openapi({ type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", example: "2021-12-31" });

export const ScenarioForecastParam = z.object({
  scenario: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: "scenario", in: "path" }, description: "id, name (en or zh) or alias", example: "edge" }),
});

export const ScenarioForecastQuery = z.object({
  from: YearParam.optional().openapi({
    param: { name: "from", in: "query" },
    description:
      "first forecast year (default: the year of the scenario's latest record, which the forecast starts from)",
  }),
  years: yearsParam(0, 50)
    .optional()
    .openapi({
      param: { name: "years", in: "query" },
      description: "forecast from … from + years (0–50, default 5)",
    }),
});

const Horizon = z.object({ from: z.number().int(), to: z.number().int() });

const DimensionForecast = z.object({
  value: CoordinateValue,
  low: z.number().nullable(),
  high: z.number().nullable(),
  noSignal: z.boolean(),
  confidence: Score.openapi({ description: "the backtest's measured coverage of such intervals at this horizon" }),
  calibration: z.number().int(),
  method: z.enum(["recorded", "persistence", "signals", "fixed"]),
  signals: list(z.object({ code: z.string(), probability: z.number(), recorded: z.boolean() })).optional(),
});

/** The scenario forecasts' backtest: coverage of the nominal intervals per dimension and horizon. */
export const ScenarioBacktest = z
  .object({
    nominal: z.number(),
    minCalibration: z.number().int(),
    forecasts: z.number().int(),
    byDimension: z.record(
      z.string(),
      list(
        z.object({
          horizon: Horizon,
          count: z.number().int(),
          withSignal: z.number().int(),
          coverage: Score,
          exact: Score,
          width: Score,
        }),
      ),
    ),
    signals: z.record(
      z.string(),
      list(
        z.object({
          horizon: Horizon,
          count: z.number().int(),
          brier: Score,
          persistence: Score,
          baseRate: Score,
        }),
      ),
    ),
  })
  .openapi("ScenarioBacktest");

const Evidence = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("release"), year: z.number().int(), source: z.string() }),
  z.object({
    kind: z.literal("cncf"),
    stage: z.enum(["accepted", "incubating", "graduated", "archived"]),
    date: z.string(),
    source: z.string(),
  }),
  z.object({ kind: z.literal("supersedes"), year: z.number().int(), targets: list(z.string()), source: z.string() }),
  z.object({
    kind: z.literal("adoption"),
    cases: z.number().int(),
    latest: z.object({ id: z.string(), scenario: z.string(), year: z.number().int(), source: z.string() }),
  }),
]);

export const ScenarioForecast = z
  .object({
    scenario: z.object({ id: z.string(), names: Names }),
    from: z.number().int(),
    to: z.number().int(),
    history: z.object({ from: z.number().int(), to: z.number().int(), cases: z.number().int() }),
    anchor: z.object({ year: z.number().int(), coordinate: Coordinate }),
    nominal: z.number(),
    backtest: ScenarioBacktest,
    years: list(
      z.object({
        year: z.number().int(),
        horizon: z.number().int(),
        coordinate: Coordinate,
        dimensions: z.record(z.string(), DimensionForecast),
        confidence: Score,
        actual: Coordinate.optional(),
      }),
    ),
    drivers: list(
      z.object({
        dimension: z.string(),
        role: z.enum(["driver", "watch"]),
        technology: z.string(),
        names: Names,
        levels: list(z.string()),
        evidence: list(Evidence),
      }),
    ),
  })
  .openapi("ScenarioForecast");

export const ProjectForecastQuery = z.object({
  project: z
    .union([z.string().min(1).max(200), z.array(z.string().min(1).max(200)).max(50)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional()
    .openapi({
      param: { name: "project", in: "query", style: "form", explode: true },
      description: "only these CNCF projects, by landscape name or technology id (repeatable)",
      example: "WasmEdge Runtime",
    }),
  event: z
    .union([z.enum(PROJECT_EVENTS), z.array(z.enum(PROJECT_EVENTS)).max(3)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional()
    .openapi({
      param: { name: "event", in: "query", style: "form", explode: true },
      description: `only these events: ${PROJECT_EVENTS.join(", ")} (repeatable)`,
      example: "graduation",
    }),
  years: yearsParam(1, 20)
    .optional()
    .openapi({
      param: { name: "years", in: "query" },
      description: "the event within this many years (1–20, default 2)",
    }),
  asOf: DateParam.optional().openapi({
    param: { name: "asOf", in: "query" },
    description: "forecast from this day (default: the landscape's latest date)",
  }),
});

const ForecastScores = z.object({ auc: Score, brier: Score });

const CalibrationBin = z.object({
  from: z.number(),
  to: z.number(),
  count: z.number().int(),
  meanPredicted: Score,
  observed: Score,
  accuracy: Score,
});

export const ProjectForecasts = z
  .object({
    asOf: z.string(),
    years: z.number().int(),
    backtest: z.object({
      cutoff: z.string(),
      horizon: z.string(),
      model: ForecastScores,
      baselines: z.object({ baseRate: ForecastScores, constant: ForecastScores }),
      calibration: list(CalibrationBin),
    }),
    predictions: list(
      z.object({
        project: z.string(),
        technology: z.string().optional(),
        stage: z.enum(["sandbox", "incubating", "graduated", "archived"]),
        event: z.enum(PROJECT_EVENTS),
        probability: z.number(),
        confidence: Score.openapi({
          description: "how often forecasts in the same probability bin were right in the backtest",
        }),
        calibration: z.object({ from: z.number(), to: z.number(), count: z.number().int(), observed: Score }),
      }),
    ),
  })
  .openapi("ProjectForecasts");

export const BacktestQuery = z.object({
  cutoff: DateParam.default("2021-12-31").openapi({
    param: { name: "cutoff", in: "query" },
    description: "fit on what was known on this day (default 2021-12-31)",
  }),
  horizon: DateParam.default("2025-12-31").openapi({
    param: { name: "horizon", in: "query" },
    description: "score what happened up to this day (default 2025-12-31)",
  }),
});

const EventCounts = z.object({ atRisk: z.number().int(), events: z.number().int() });

export const ProjectBacktest = z
  .object({
    model: ForecastScores,
    baselines: z.object({ baseRate: ForecastScores, constant: ForecastScores.extend({ p: z.number() }) }),
    calibration: list(CalibrationBin),
    cutoff: z.string(),
    horizon: z.string(),
    /** From the cutoff to the horizon, in (fractional) years: 2021-12-31 → 2025-12-31 is 4.0 less a day's share. */
    years: z.number().openapi({ description: "the span from cutoff to horizon in years, fractional" }),
    counts: z.object({ forecasts: z.number().int(), events: z.number().int(), projects: z.number().int() }),
    byEvent: z.record(
      z.enum(PROJECT_EVENTS),
      z.object({
        count: z.number().int(),
        events: z.number().int(),
        model: ForecastScores,
        baseRate: ForecastScores.extend({ p: z.number() }),
      }),
    ),
    training: z.record(z.enum(PROJECT_EVENTS), EventCounts),
    learnable: z.object({
      events: list(z.enum(PROJECT_EVENTS)),
      count: z.number().int(),
      model: ForecastScores,
      baseRate: ForecastScores,
    }),
    scenarios: ScenarioBacktest,
  })
  .openapi("ProjectBacktest");
