import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../story/markdown.js';
import { sanitizer } from './sanitize-html.js';

// A DOM of its own, on a site origin, as the build's compiler gives DOMPurify one.
const dom = new JSDOM('', { url: 'https://stories.example/story/' });
const sanitize = sanitizer(dom.window as unknown as Window & typeof globalThis);

/** Chapter Markdown as the page gets it: Markdown to HTML, then sanitised. */
const render = (markdown: string) => sanitize(markdownToHtml(markdown), 'https://stories.example/story/gba.md');

/** Everything in `html` that could run code, load something, or restyle the page. */
function dangers(html: string): string[] {
  const doc = new JSDOM(`<body>${html}</body>`).window.document;
  // A template's content is inert, but looked at all the same.
  for (const t of doc.body.querySelectorAll('template')) t.replaceWith(t.content);
  const found: string[] = [];
  const banned = 'script, style, link, meta, base, iframe, frame, object, embed, form, input, button, svg, math';
  for (const el of doc.body.querySelectorAll(banned)) found.push(`<${el.localName}>`);
  for (const el of doc.body.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      // Browsers skip whitespace and control characters in a URL's scheme.
      const value = [...attr.value]
        .filter((c) => c.charCodeAt(0) > 0x20)
        .join('')
        .toLowerCase();
      if (name.startsWith('on')) found.push(`${el.localName}[${name}]`);
      if (name === 'style') found.push(`${el.localName}[style]`);
      if (/^(javascript|vbscript|data):/.test(value)) found.push(`${el.localName}[${name}=${attr.value}]`);
      if (['action', 'formaction', 'xlink:href', 'srcdoc', 'srcset'].includes(name))
        found.push(`${el.localName}[${name}]`);
    }
  }
  return found;
}

/** Hostile chapter text: each case, and a word that must survive it (the text is kept, the harm is not). */
const HOSTILE: [what: string, markdown: string, kept: string][] = [
  ['a script element', 'Before <script>window.pwned = 1</script> after', 'Before'],
  ['an event handler on an image', 'Look <img src="x.png" onerror="window.pwned = 1"> here', 'Look'],
  ['an event handler on any element', '<p onclick="window.pwned = 1" onmouseover="x()">Hover</p>', 'Hover'],
  ['a javascript: link', '[Click](javascript:window.pwned=1)', 'Click'],
  ['a javascript: link in mixed case with entities', '<a href="JaVa&#x09;ScRiPt:window.pwned=1">Go</a>', 'Go'],
  ['a data: link', '[Open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', 'Open'],
  ['a data: image', '![A dot](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+) stays', 'stays'],
  ['a protocol-relative image', '![Tracker](//evil.example/t.png) text', 'text'],
  ['an SVG with a script', 'Map <svg><script>window.pwned = 1</script><circle r="4"/></svg>', 'Map'],
  ['an SVG onload', 'Shape <svg onload="window.pwned = 1"><rect/></svg>', 'Shape'],
  ['an SVG link', '<svg><a xlink:href="javascript:window.pwned=1"><text>Label</text></a></svg> end', 'end'],
  [
    'an SVG animation setting href',
    '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg> fin',
    'fin',
  ],
  [
    'MathML namespace confusion',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math> ok',
    'ok',
  ],
  ['a MathML link', '<math href="javascript:window.pwned=1"><mi>x</mi></math> sum', 'sum'],
  ['a style element', '<style>body { display: none }</style>Visible', 'Visible'],
  ['a style attribute', '<p style="position: fixed; inset: 0; background: red">Covered</p>', 'Covered'],
  ['a stylesheet link', '<link rel="stylesheet" href="https://evil.example/x.css">Styled', 'Styled'],
  ['an iframe with srcdoc', '<iframe srcdoc="<script>parent.pwned=1</script>"></iframe>Framed', 'Framed'],
  ['an object and an embed', '<object data="evil.swf"></object><embed src="evil.swf">Plugins', 'Plugins'],
  [
    'a form with a button',
    '<form action="https://evil.example"><button formaction="javascript:x()">Send</button></form>Formed',
    'Formed',
  ],
  [
    'a base and a meta refresh',
    '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">Based',
    'Based',
  ],
  ['an event handler inside a template', '<template><img src=x onerror=alert(1)></template>Templated', 'Templated'],
  ['an unclosed comment trick', '<!--<img src="--><img src=x onerror=alert(1)//">Comment', 'Comment'],
];

describe('chapter text from a hostile story', () => {
  for (const [what, markdown, kept] of HOSTILE) {
    it(`keeps the words and drops ${what}`, () => {
      const html = render(markdown);
      expect(dangers(html), html).toEqual([]);
      expect(html).toContain(kept);
    });
  }

  it('shows raw HTML as the text it is: no tag of it reaches the page', () => {
    const html = render('Before <b onclick="x()">bold</b> <script>x()</script> after');
    expect(html).toBe('<p>Before &lt;b onclick="x()"&gt;bold&lt;/b&gt; &lt;script&gt;x()&lt;/script&gt; after</p>\n');
  });

  it('sanitises what reaches it all the same, as HTML from elsewhere (the compiler, a future extension) might', () => {
    const html = sanitize(
      '<p onclick="x()" style="color:red">Hi<script>x()</script><a href="javascript:x()">a</a></p>',
    );
    expect(dangers(html)).toEqual([]);
    expect(html).toContain('Hi');
  });

  it('keeps ordinary Markdown: emphasis, links to https and to files beside the story, images beside the story', () => {
    const html = render('**Bold** [site](https://example.org/a) [file](notes.md) ![Plan](images/plan.svg)');
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).toContain('href="https://example.org/a"');
    expect(html).toContain('href="notes.md"');
    expect(html).toContain('src="https://stories.example/story/images/plan.svg"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(dangers(html)).toEqual([]);
  });

  it('finds every danger the check looks for in unsanitised HTML (the check itself can fail)', () => {
    const raw = HOSTILE.map(([, markdown]) => markdown).join('\n');
    const found = dangers(raw);
    for (const thing of [
      '<script>',
      'img[onerror]',
      'p[onclick]',
      '<style>',
      'p[style]',
      '<iframe>',
      '<form>',
      '<base>',
    ])
      expect(found).toContain(thing);
  });
});
