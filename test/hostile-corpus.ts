// Hostile strings for display names and comments: each must be stored and shown inertly.

export const HOSTILE: { name: string; text: string }[] = [
  { name: 'script tag', text: '<script>alert(1)</script>' },
  { name: 'img onerror', text: '<img src=x onerror=alert(1)>' },
  { name: 'svg onload', text: '<svg onload=alert(1)>' },
  { name: 'attribute close then script', text: '"><script>alert(1)</script>' },
  { name: 'script string breakout', text: "'-alert(1)-'" },
  { name: 'textarea breakout', text: '</textarea><script>alert(1)</script>' },
  { name: 'style breakout', text: '</style><script>alert(1)</script>' },
  { name: 'iframe javascript src', text: '<iframe src=javascript:alert(1)>' },
  { name: 'javascript URL', text: 'javascript:alert(1)' },
  { name: 'javascript URL, odd case', text: 'JaVaScRiPt:alert(1)' },
  { name: 'javascript URL, entity', text: '&#106;avascript:alert(1)' },
  { name: 'javascript URL, whitespace', text: ' java\tscript:alert(1)' },
  { name: 'vbscript URL', text: 'vbscript:msgbox(1)' },
  { name: 'data URL', text: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' },
  { name: 'template injection', text: "{{constructor.constructor('alert(1)')()}}" },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal placeholder is the payload
  { name: 'template literal', text: '${alert(1)}' },
  { name: 'double-quoted attribute breaker', text: '" onmouseover="alert(1)' },
  { name: 'single-quoted attribute breaker', text: "' onfocus='alert(1)' autofocus='" },
  { name: 'SQL drop table', text: "'; DROP TABLE comments; --" },
  { name: 'SQL tautology', text: '1 OR 1=1' },
  { name: 'SQL quoted tautology', text: '" OR ""="' },
  { name: 'right-to-left override', text: 'invoice\u202Egnp.exe' },
  { name: 'bidi isolates and embeddings', text: '\u2066a\u2067b\u2068c\u2069\u202Ad\u202Be\u202C' },
  { name: 'zero-width space and joiners', text: 'he\u200Bllo\u200C wo\u200Drld\u2060\uFEFF' },
  {
    name: 'family emoji (ZWJ)',
    text: 'family: \u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}',
  },
  {
    name: 'flags',
    text: 'flags: \u{1F1FA}\u{1F1E6} \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} \u{1F3F3}\uFE0F\u200D\u{1F308}',
  },
  {
    name: 'skin tones',
    text: 'thumbs: \u{1F44D}\u{1F3FD} \u{1F44B}\u{1F3FF} \u{1F9D1}\u{1F3FB}\u200D\u{1F4BB}',
  },
  {
    name: 'Zalgo',
    text: 'Z\u0335\u0322\u031B\u032A\u034E\u0344a\u0338\u0327\u031B\u0349l\u0336\u0328g\u0337\u0322o\u0334\u0322\u0327\u032C\u033F',
  },
  { name: 'null byte', text: 'before\u0000after' },
  { name: 'C0 and C1 controls', text: 'bell\u0007 escape\u001b[31m next-line\u0085 csi\u009b' },
  { name: 'very long word', text: 'x'.repeat(10_000) },
  { name: 'newlines', text: 'one\n\n\n\n\n\ntwo\nthree' },
  { name: 'CRLF', text: 'one\r\ntwo\r\rthree\r\n' },
  { name: 'Markdown javascript link', text: '[click](javascript:alert(1))' },
  { name: 'HTML javascript link', text: '<a href="javascript:alert(1)">click</a>' },
  { name: 'URL with quotes', text: 'https://example.com/"onmouseover="alert(1)' },
  { name: 'URL with angle brackets', text: 'https://example.com/<script>alert(1)</script>' },
  { name: 'URL with credentials', text: 'https://bank.example@evil.example/login' },
  { name: 'scheme inside a host', text: 'https://javascript:alert(1)' },
  { name: 'only whitespace', text: ' \n\t\u00A0\u3000 ' },
]

export const ONE_MEGABYTE = 'a'.repeat(1024 * 1024)
