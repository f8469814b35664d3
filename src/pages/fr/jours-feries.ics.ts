/** /fr/jours-feries.ics: the public-service holidays of this year and the next, in French (built at build time). */
import type { APIRoute } from "astro";
import { icsResponse } from "../../components/HolidayCalendar/ics-response.ts";

export const GET: APIRoute = ({ site }) => icsResponse("fr", site);
