import { describe, expect, it } from "vitest";
import { countryCodeFromName } from "./countries";

describe("countryCodeFromName", () => {
  it.each([
    ["United States of America", "US"],
    ["China", "CN"],
    ["Korea (Republic of)", "KR"],
    ["United Kingdom of Great Britain and Northern Ireland", "GB"],
    ["Hong Kong", "HK"],
    ["Iran (Islamic Republic of)", "IR"],
    ["  united arab emirates ", "AE"],
    ["Türkiye", "TR"],
    ["Viet Nam", "VN"],
    ["FR", "FR"],
  ])("%s -> %s", (name, code) => expect(countryCodeFromName(name)).toBe(code));
  it("gives null for what is not one country", () => {
    expect(countryCodeFromName("Multinational")).toBeNull();
    expect(countryCodeFromName("")).toBeNull();
    expect(countryCodeFromName("Atlantis")).toBeNull();
  });
});
