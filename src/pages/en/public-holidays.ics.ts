/** /en/public-holidays.ics: the public-service holidays of this year and the next, in English (built at build time). */
import type { APIRoute } from "astro";
import { icsResponse } from "../../components/HolidayCalendar/ics-response.ts";

export const GET: APIRoute = ({ site }) => icsResponse("en", site);
