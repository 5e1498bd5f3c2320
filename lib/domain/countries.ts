/** ISO 3166-1 alpha-2 codes (officially assigned). The one country list of the project. */
const ISO_ALPHA2 =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
  "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
  "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
  "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
  "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

export const COUNTRY_CODES: ReadonlySet<string> = new Set(ISO_ALPHA2.split(" "));

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

const displayNames = new Intl.DisplayNames(["en"], { type: "region" });

/** "US" -> "United States", "CN" -> "China". */
export function countryName(code: string): string {
  return displayNames.of(code) ?? code;
}

/** The two countries the project compares, and everyone else. */
export type CountryGroup = "US" | "CN" | "other";

export function countryGroup(code: string): CountryGroup {
  return code === "US" || code === "CN" ? code : "other";
}

/** Country names as data sources write them (UN style, older names) where they differ from Intl's English names. */
const NAME_ALIASES: Record<string, string> = {
  "united states of america": "US",
  usa: "US",
  "united kingdom of great britain and northern ireland": "GB",
  uk: "GB",
  "korea (republic of)": "KR",
  "republic of korea": "KR",
  korea: "KR",
  "korea (democratic people's republic of)": "KP",
  "hong kong": "HK",
  macao: "MO",
  macau: "MO",
  "taiwan, province of china": "TW",
  "russian federation": "RU",
  "viet nam": "VN",
  turkey: "TR",
  "czech republic": "CZ",
  "iran (islamic republic of)": "IR",
};

let byName: Map<string, string> | undefined;
const normalizeName = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").trim().toLowerCase().replace(/\s+/g, " ");

/**
 * "United States of America" -> "US", "Korea (Republic of)" -> "KR", "Iran (Islamic Republic of)" -> "IR".
 * Null for a name that is not one country ("Multinational", "European Union", a typo).
 */
export function countryCodeFromName(name: string): string | null {
  if (!byName) {
    byName = new Map(Object.entries(NAME_ALIASES));
    for (const code of COUNTRY_CODES) {
      const n = displayNames.of(code);
      if (n && n !== code) byName.set(normalizeName(n), code);
    }
  }
  const n = normalizeName(name);
  if (!n) return null;
  if (/^[a-z]{2}$/.test(n) && COUNTRY_CODES.has(n.toUpperCase())) return n.toUpperCase();
  return byName.get(n) ?? byName.get(n.replace(/\s*\(.*\)\s*$/, "")) ?? null;
}
