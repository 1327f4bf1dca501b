import { runSolverContract } from "./solve.case.test.js";
import { solveExact } from "./solve-exact.js";

runSolverContract({ name: "exact", create: () => solveExact, exact: true });
