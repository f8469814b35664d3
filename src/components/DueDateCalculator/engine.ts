/**
 * What the calculator needs once a level is chosen: the SLA engine (src/lib/sla) and the working in words.
 * The island loads it on demand (`loadEngine`), so a page that has not chosen a level yet loads only the form.
 */
export { evaluateLevel } from "../../lib/sla/levels.ts";
export { dueSentence, formatDuration, formatWhen, stepSentences } from "./phrase.ts";
