import { createHash } from 'node:crypto';
import { escapeHtml } from '../escape-html';

/**
 * Shared shell for every page the simulator renders. No external resources and no script: the
 * pages must work in e2e tests without network access and on any phone. Colours are chosen for
 * WCAG 2.1 AA contrast on white (text 17:1, buttons 10:1, error text 7:1, field border 8:1), and
 * everything sits in <main> so axe's landmark rules pass.
 */
const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;background:#fff;color:#1a1a1a;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.125rem;line-height:1.5}
main{max-width:32rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0 1rem}
.notice{background:#fff4c2;border-left:.375rem solid #7a5c00;padding:.75rem 1rem;margin:0 0 1.5rem}
label{display:block;font-weight:700}
.hint{margin:0 0 .25rem;color:#454545}
.error{margin:0 0 .25rem;color:#b3001b;font-weight:700}
input{width:100%;font:inherit;font-size:1.25rem;padding:.5rem;border:2px solid #4b4b4b;border-radius:0;color:#1a1a1a;background:#fff}
input[aria-invalid="true"]{border-color:#b3001b;border-width:3px}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.5rem}
button{font:inherit;font-weight:700;min-height:3rem;padding:.5rem 1.25rem;border:2px solid #154273;border-radius:.25rem;background:#154273;color:#fff;cursor:pointer;flex:1 1 8rem}
button.secondary{background:#fff;color:#154273}
:focus-visible{outline:3px solid #1a1a1a;outline-offset:3px}
code{overflow-wrap:anywhere}
h2{font-size:1.375rem;margin:2rem 0 .5rem}
.people{list-style:none;margin:0;padding:0}
.people li{border-top:1px solid #c8c8c8;padding:.25rem 0 .5rem}
.people button.person{flex:none;min-height:2.75rem;margin:.25rem 0;padding:.25rem .75rem;background:#fff;color:#154273;text-align:start}
.people p{margin:0;color:#454545}
`;

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** `body` must already be escaped HTML. */
export function renderPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/**
 * Headers for every simulator page. The CSP allows exactly our inline stylesheet (by hash) and no
 * script. form-action must also list the relying parties' origins: browsers check it against
 * every redirect that follows a form post, and the login post ends in a redirect to the RP.
 */
export function pageHeaders(formActionOrigins: readonly string[]): Record<string, string> {
  const formAction = ["'self'", ...formActionOrigins].join(' ');
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy':
      `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; form-action ${formAction}; ` +
      "frame-ancestors 'none'; base-uri 'none'",
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  };
}
