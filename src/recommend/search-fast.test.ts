import { runSearchContract } from "./search.case.test.js";
import { fastSearch } from "./search-fast.js";

runSearchContract({ name: "fast (branch and bound)", create: () => fastSearch });
