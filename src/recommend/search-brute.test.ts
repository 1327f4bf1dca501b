import { runSearchContract } from "./search.case.test.js";
import { bruteForceSearch } from "./search-brute.js";

runSearchContract({ name: "brute force", create: () => bruteForceSearch });
