/**
 * A minimal Atom 1.0 (RFC 4287) document: text only (no HTML content, so nothing in a feed reader runs
 * as markup), every string escaped, characters XML forbids removed.
 */
export interface AtomEntry {
  id: string;
  title: string;
  /** The page the entry is about. */
  link: string;
  /** ISO timestamp. */
  updated: string;
  /** ISO timestamp of the first publication of what the entry is about (optional in Atom). */
  published?: string;
  summary: string;
  /** Related links (the evidence), rel="related". */
  related?: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own URL. */
  self: string;
  /** The HTML page it mirrors. */
  alternate: string;
  updated: string;
  entries: AtomEntry[];
}

// XML 1.0 allows tab, newline, carriage return and everything from U+0020 except surrogates and U+FFFE/F.
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function buildAtomFeed(feed: AtomFeed): string {
  const e = escapeXml;
  const entries = feed.entries.map((entry) =>
    [
      "  <entry>",
      `    <id>${e(entry.id)}</id>`,
      `    <title type="text">${e(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${e(entry.link)}"/>`,
      ...(entry.related ?? []).map((href) => `    <link rel="related" href="${e(href)}"/>`),
      `    <updated>${e(entry.updated)}</updated>`,
      ...(entry.published ? [`    <published>${e(entry.published)}</published>`] : []),
      `    <summary type="text">${e(entry.summary)}</summary>`,
      "  </entry>",
    ].join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${e(feed.id)}</id>`,
    `  <title type="text">${e(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle type="text">${e(feed.subtitle)}</subtitle>`] : []),
    `  <link rel="self" type="application/atom+xml" href="${e(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${e(feed.alternate)}"/>`,
    `  <updated>${e(feed.updated)}</updated>`,
    "  <author><name>Open Model Atlas</name></author>",
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
