/**
 * Server-rendered HTML where escaping is the default: the `html` tag escapes every interpolated value
 * unless it is already `SafeHtml` (the result of another `html` call), so no text from an invoice, a
 * finding or a log line can become markup by forgetting to escape it.
 */

/** Markup that is already safe: built by `html` from escaped parts. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** A value the `html` tag accepts: text (escaped), markup, lists of either, or nothing. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** A template literal tag that escapes every interpolated value (see the module comment). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

// Inline (the Content-Security-Policy allows inline styles and nothing else); no fonts, images or scripts.
const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f6f6f4}
main{max-width:56rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.25rem;margin-top:2rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dl.facts dt{font-weight:600}
code{font-size:.9em;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
.fatal{color:#a30000;font-weight:600}.warning{color:#7a5300;font-weight:600}
.alert{border-left:4px solid #a30000;background:#fff0f0;padding:.75rem 1rem;margin:1rem 0}
.notice{border-left:4px solid #245;background:#eef3fa;padding:.75rem 1rem;margin:1rem 0}
fieldset{border:1px solid #ccc;background:#fff;margin:1rem 0;padding:.5rem 1rem}legend{font-weight:600;padding:0 .25rem}
.field{margin:.6rem 0}.field label{display:block;font-weight:600}.field .path{font-weight:400;color:#555;font-size:.85em;margin-left:.5rem}
.field input,.field textarea,.field select{width:100%;box-sizing:border-box;font:inherit;padding:.3rem}
.field .hint{color:#555;font-size:.9em;margin:.1rem 0}
.field.flagged{border-left:4px solid #a30000;padding-left:.6rem}.field .finding,.field .error{color:#a30000;margin:.2rem 0}
button{font:inherit;font-weight:600;padding:.5rem 1.5rem;margin:1rem 0}
`;

/** A complete page: doctype, language, charset, viewport, title, the inline style, and `body` in <main>. */
export function renderPage(title: string, body: SafeHtml): string {
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body><main>
${body}
</main></body>
</html>
`.markup}`;
}
