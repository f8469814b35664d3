/** /en/attainment-report-sample-{cau,csc}.csv: the made-up example file of each centre, in English (built at build time). */
import type { APIRoute, GetStaticPaths } from "astro";
import { profileOf } from "../../lib/attainment/index.ts";
import { sampleCsv } from "../../lib/attainment/sample.ts";

export const getStaticPaths = (() => [{ params: { centre: "cau" } }, { params: { centre: "csc" } }]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(sampleCsv(profileOf(params.centre as "cau" | "csc"), "en"), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
