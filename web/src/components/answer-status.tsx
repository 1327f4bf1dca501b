/** @module web/components/answer-status — where an API answer is not (yet) there: "loading", or its error with a retry. */
import type { ApiState } from "../lib/use-api.js";
import { ErrorBox } from "./error-box.js";
import { Loading } from "./loading.js";

export function AnswerStatus({ answer }: { answer: ApiState<unknown> }) {
  return (
    <>
      {answer.error && <ErrorBox error={answer.error} onRetry={answer.reload} />}
      {answer.loading && <Loading />}
    </>
  );
}
