/** POST /api/adviser-requests — « Trouver son conseiller / Find your adviser ». */
import { createHandler } from "./core/submit.ts";

export const handler = createHandler("adviser-request");
