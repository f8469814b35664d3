/** /fr/rapport-atteinte-exemple-{cau,csc}.csv: the made-up example file of each centre, in French (built at build time). */
import type { APIRoute, GetStaticPaths } from "astro";
import { profileOf } from "../../lib/attainment/index.ts";
import { sampleCsv } from "../../lib/attainment/sample.ts";

export const getStaticPaths = (() => [{ params: { centre: "cau" } }, { params: { centre: "csc" } }]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(sampleCsv(profileOf(params.centre as "cau" | "csc"), "fr"), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
