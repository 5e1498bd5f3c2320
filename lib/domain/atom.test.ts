import { describe, expect, it } from "vitest";
import { buildAtomFeed, escapeXml } from "./atom";

const feed = {
  id: "https://atlas.example/changes",
  title: "Open Model Atlas: accepted corrections",
  self: "https://atlas.example/changes.atom",
  alternate: "https://atlas.example/changes",
  updated: "2026-11-29T12:00:00.000Z",
  entries: [
    {
      id: "https://atlas.example/changes#revision-7",
      title: "DeepSeek-V3: Context window 128K → 160K",
      link: "https://atlas.example/models/deepseek-v3",
      updated: "2026-11-29T12:00:00.000Z",
      summary: 'Name <script>alert("x")</script> & co\u0000\u001b',
      related: ["https://arxiv.org/abs/2412.19437?a=1&b=2"],
    },
  ],
};

describe("buildAtomFeed", () => {
  it("writes a well-formed Atom document with escaped text and no markup", () => {
    const xml = buildAtomFeed(feed);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(xml).toContain("<title type=\"text\">DeepSeek-V3: Context window 128K → 160K</title>");
    expect(xml).toContain("Name &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</summary>");
    expect(xml).toContain('<link rel="related" href="https://arxiv.org/abs/2412.19437?a=1&amp;b=2"/>');
    expect(xml).not.toContain("<script");
    expect(xml).not.toMatch(/[\u0000-\u0008\u001b]/);
    // Balanced: one entry open and closed, the feed closed.
    expect(xml.match(/<entry>/g)).toHaveLength(1);
    expect(xml.match(/<\/entry>/g)).toHaveLength(1);
    expect(xml.trimEnd().endsWith("</feed>")).toBe(true);
  });

  it("writes <published> only for an entry that has it", () => {
    expect(buildAtomFeed(feed)).not.toContain("<published>");
    const xml = buildAtomFeed({ ...feed, entries: [{ ...feed.entries[0]!, published: "2024-12-26T00:00:00.000Z" }] });
    expect(xml).toContain("    <updated>2026-11-29T12:00:00.000Z</updated>\n    <published>2024-12-26T00:00:00.000Z</published>\n");
  });

  it("escapes every XML special character", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });
});
