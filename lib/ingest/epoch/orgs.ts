import { normalizeName } from "@/lib/domain/naming";

/**
 * Epoch AI's organization names -> our organization slugs. Names are matched after normalization against
 * each organization's slug, name, name without its parenthesis, and the parenthesis ("Z.ai (Zhipu AI)"),
 * with common suffixes dropped ("Meta AI", "Meituan Inc"); the aliases cover what no rule can.
 */
const ALIASES: Record<string, string> = {
  googledeepmind: "google",
  deepmind: "google",
  googlebrain: "google",
  googleresearch: "google",
  facebook: "meta",
  facebookai: "meta",
  facebookairesearch: "meta",
  metaai: "meta",
  cohereforai: "cohere",
  zhipuai: "zhipu",
  zai: "zhipu",
  alibabacloud: "alibaba",
  qwen: "alibaba",
  inclusionai: "ant-group",
  mohamedbinzayeduniversityofartificialintelligence: "mbzuai",
};

const SUFFIXES = /(incorporated|inc|ltd|limited|corporation|corp|group|laboratory|labs|lab|research|ai|team)$/;

function keys(name: string): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    const n = normalizeName(s);
    if (!n) return;
    out.add(n);
    let stripped = n;
    // "Meituan Inc" -> "meituan"; "LG AI Research" -> "lg"; never down to nothing.
    for (let i = 0; i < 3; i++) {
      const next = stripped.replace(SUFFIXES, "");
      if (!next || next === stripped) break;
      stripped = next;
      out.add(stripped);
    }
  };
  add(name);
  const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(name);
  if (paren) {
    add(paren[1]!);
    add(paren[2]!);
  }
  return [...out];
}

export class OrganizationMatcher {
  private readonly byKey = new Map<string, string>();

  constructor(organizations: { slug: string; name: string }[]) {
    for (const o of organizations) {
      for (const k of [...keys(o.slug), ...keys(o.name)]) if (!this.byKey.has(k)) this.byKey.set(k, o.slug);
    }
    for (const [alias, slug] of Object.entries(ALIASES)) {
      if (organizations.some((o) => o.slug === slug)) this.byKey.set(alias, slug);
    }
  }

  /** Our slug for an Epoch organization name, or null. */
  match(name: string): string | null {
    for (const k of keys(name)) {
      const slug = this.byKey.get(k);
      if (slug) return slug;
    }
    return null;
  }
}
