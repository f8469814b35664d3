/** POST /api/inquiries — « Demande d'information / Service inquiry ». */
import { createHandler } from "./core/submit.ts";

export const handler = createHandler("inquiry");
