import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * Lit creates its Trusted Types policy `lit-html` when it loads; on a page
 * whose `trusted-types` list omits that name the call throws into the page.
 * The built scripts wrap it: a refusal is reported to
 * src/internal/trusted-types.ts, and defineElement then defines nothing (the
 * fallback content stays) and warns once. Fails the build if Lit's code changed.
 */
export function trustedTypesGuard(): Plugin {
  const call = /(\w+)\?\1\.createPolicy\("lit-html",(\{createHTML:\w+=>\w+\})\):void 0/;
  const reporter = fileURLToPath(new URL('../../src/internal/trusted-types.ts', import.meta.url));
  return {
    name: 'therapy-trusted-types-guard',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]lit-html[\\/]lit-html\.js$/.test(id)) return null;
      if (!call.test(code)) this.error('lit-html no longer creates its Trusted Types policy as expected: update scripts/build/trusted-types-guard.ts');
      const guarded = code.replace(call, '$1?(()=>{try{return $1.createPolicy("lit-html",$2)}catch{__therapyPolicyRefused("lit-html")}})():void 0');
      return { code: `import{policyRefused as __therapyPolicyRefused}from${JSON.stringify(reporter)};${guarded}`, map: null };
    },
  };
}
