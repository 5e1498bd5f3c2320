import { describe, expect, it } from "vitest";
import { DEFAULT_QUERY, activeFilters, modelQueryToParams, parseModelQuery } from "./model-query";

const parse = (qs: string, allowed: string[] = []) => parseModelQuery(new URLSearchParams(qs), allowed);

describe("parseModelQuery", () => {
  it("gives the defaults for an empty query", () => {
    expect(parse("")).toEqual({ query: DEFAULT_QUERY, errors: [] });
  });

  it("reads every parameter", () => {
    const { query, errors } = parse(
      "country=us,CN&architecture=moe&license=permissive,restricted&org=deepseek&q=%20qwen%20&releasedFrom=2024-01-01&releasedTo=2025-12-31" +
        "&minTotalParams=70B&maxTotalParams=1.5T&minActiveParams=1e9&maxActiveParams=40000000000&minContext=128K&sort=activeParams&order=asc&page=3&pageSize=200",
    );
    expect(errors).toEqual([]);
    expect(query).toEqual({
      country: ["US", "CN"], excludeCountry: [], architecture: "moe", license: ["permissive", "restricted"], org: ["deepseek"], q: "qwen",
      releasedFrom: "2024-01-01", releasedTo: "2025-12-31", minTotalParams: 70e9, maxTotalParams: 1.5e12, minActiveParams: 1e9,
      maxActiveParams: 40e9, minContext: 128_000, sort: "activeParams", order: "asc", page: 3, pageSize: 200,
      openWeights: "true", benchmark: null, minScore: null,
    });
  });

  it("joins repeated list parameters (checkbox forms) and ignores empty values", () => {
    expect(parse("country=US&country=CN&architecture=&q=").query).toMatchObject({ country: ["US", "CN"], architecture: null, q: null });
  });

  it("orders names A to Z and everything else largest first, unless told", () => {
    expect(parse("sort=name").query.order).toBe("asc");
    expect(parse("sort=totalParams").query.order).toBe("desc");
    expect(parse("sort=name&order=desc").query.order).toBe("desc");
  });

  it.each([
    ["country=USA", "country", /ISO 3166-1 alpha-2/],
    ["country=US,XX", "country", /ISO 3166-1 alpha-2/],
    ["architecture=hybrid", "architecture", /dense, moe/],
    ["license=free", "license", /permissive, restricted, non-commercial/],
    ["org=Deep%20Seek", "org", /organization slug/],
    ["releasedFrom=2024-13-01", "releasedFrom", /YYYY-MM-DD/],
    ["releasedFrom=2024-02-30", "releasedFrom", /YYYY-MM-DD/],
    ["minTotalParams=lots", "minTotalParams", /70,000,000,000, 70e9 or 70B/],
    ["minTotalParams=-5", "minTotalParams", /70B/],
    ["minContext=big", "minContext", /must be a whole number like/],
    ["sort=downloadz", "sort", /releaseDate, totalParams/],
    ["order=up", "order", /asc or desc/],
    ["page=0", "page", /from 1/],
    ["page=1.5", "page", /whole number/],
    ["pageSize=500", "pageSize", /1 to 200/],
    ["pageSize=abc", "pageSize", /1 to 200/],
    ["page=201", "page", /at most 200 with pageSize 50: pages reach the first 10,000 rows.*download the CSV/],
    ["page=51&pageSize=200", "page", /at most 50 with pageSize 200/],
    ["page=1000000", "page", /at most 200/],
    ["q=" + "x".repeat(101), "q", /100 characters/],
    ["contry=CN", "contry", /not a known parameter; allowed: country/],
    ["sort=name&sort=totalParams", "sort", /more than once/],
    ["minTotalParams=100B&maxTotalParams=10B", "maxTotalParams", /must not be below minTotalParams/],
    ["releasedFrom=2025-01-01&releasedTo=2024-01-01", "releasedTo", /must not be below releasedFrom/],
  ])("%s is an error on %s", (qs, param, message) => {
    const { errors } = parse(qs);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.param).toBe(param);
    expect(errors[0]!.message).toMatch(message);
  });

  it("pages reach the first 10,000 rows of an order, to the last page that touches them", () => {
    expect(parse("page=200").query.page).toBe(200);
    // 10,000 / 150 = 66.7: page 67 (rows 9,901 to 10,050) still starts inside the first 10,000.
    expect(parse("page=67&pageSize=150").errors).toEqual([]);
    expect(parse("page=68&pageSize=150").errors.map((e) => e.param)).toEqual(["page"]);
    // A refused page falls back to the first, for the pages that drop a bad parameter and say so.
    expect(parse("page=201").query.page).toBe(1);
    // An export has every row: the page is accepted but not bounded.
    expect(parseModelQuery(new URLSearchParams("page=5000"), [], { paged: false }).errors).toEqual([]);
  });

  it("accepts extra parameters a page names", () => {
    expect(parse("params=active", ["params"]).errors).toEqual([]);
  });
});

describe("modelQueryToParams", () => {
  it("leaves defaults out and round-trips", () => {
    expect(modelQueryToParams(DEFAULT_QUERY).toString()).toBe("");
    const qs = "country=US%2CCN&architecture=moe&minTotalParams=70000000000&sort=name&order=desc&page=2";
    const { query } = parse(qs);
    expect(modelQueryToParams(query).toString()).toBe(qs);
    expect(parse(modelQueryToParams(query).toString()).query).toEqual(query);
  });

  it("lists the filters in force", () => {
    expect(activeFilters(parse("country=CN&architecture=dense&sort=name").query)).toEqual(["country", "architecture"]);
  });
});

describe("hostile parameter names", () => {
  it.each(["toString", "__proto__", "constructor", "hasOwnProperty", "valueOf"])("%s is an unknown parameter, not a crash", (name) => {
    const { errors } = parse(`${name}=1`);
    expect(errors).toEqual([expect.objectContaining({ param: name, message: expect.stringContaining("is not a known parameter") })]);
  });
  it("ignores values that are not strings", () => {
    expect(parseModelQuery({ country: ["CN", 5 as unknown as string], q: {} as unknown as string }).query).toMatchObject({ country: ["CN"], q: null });
  });
});

it("bounds counts to what the database holds (minContext beyond 32 bits is a 400, not a 500)", () => {
  expect(parseModelQuery(new URLSearchParams("minContext=2147483648")).errors).toEqual([{ param: "minContext", message: "must be at most 2000000000 (a token count)" }]);
  expect(parseModelQuery(new URLSearchParams("minContext=1M")).errors).toEqual([]);
});

it("refuses control characters in the search (Postgres refuses NUL in text)", () => {
  expect(parseModelQuery(new URLSearchParams("q=%00x")).errors).toEqual([{ param: "q", message: "must not contain control characters" }]);
  expect(parseModelQuery(new URLSearchParams("q=Qwen%203")).errors).toEqual([]);
});

describe("relevance: the order of a search", () => {
  it("is the default with q, and an explicit sort overrides it; the URL round-trips", () => {
    const withQ = parseModelQuery(new URLSearchParams("q=deepseek%20r1"));
    expect(withQ.errors).toEqual([]);
    expect(withQ.query).toMatchObject({ sort: "relevance", order: "desc" });
    expect(modelQueryToParams(withQ.query).toString()).toBe("q=deepseek+r1");
    const byDate = parseModelQuery(new URLSearchParams("q=deepseek&sort=releaseDate"));
    expect(byDate.query.sort).toBe("releaseDate");
    expect(modelQueryToParams(byDate.query).toString()).toBe("q=deepseek&sort=releaseDate");
    expect(parseModelQuery(modelQueryToParams(byDate.query)).query).toEqual(byDate.query);
    const reversed = parseModelQuery(new URLSearchParams("q=deepseek&order=asc"));
    expect(parseModelQuery(modelQueryToParams(reversed.query)).query).toEqual(reversed.query);
  });

  it("without q means the newest first, silently", () => {
    const r = parseModelQuery(new URLSearchParams("sort=relevance"));
    expect(r.errors).toEqual([]);
    expect(r.query.sort).toBe("releaseDate");
    expect(modelQueryToParams(r.query).toString()).toBe("");
  });
});
