/// <reference types="astro/client" />

// Lets plain `tsc` type the imports of .astro components in tests (Astro's own checker types them in full).
declare module "*.astro" {
  import type { AstroComponentFactory } from "astro/runtime/server/index.js";
  const component: AstroComponentFactory;
  export default component;
}
