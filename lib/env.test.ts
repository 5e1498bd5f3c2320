import { describe, expect, it } from "vitest";
import { readEnv as read } from "./env";

const readEnv = (vars: Record<string, string>) => read(vars as NodeJS.ProcessEnv);

describe("HF_ENDPOINT and HF_TOKEN", () => {
  it("defaults to the Hub and drops a trailing slash", () => {
    expect(readEnv({}).HF_ENDPOINT).toBe("https://huggingface.co");
    expect(readEnv({ HF_ENDPOINT: "http://127.0.0.1:8123/" }).HF_ENDPOINT).toBe("http://127.0.0.1:8123");
    expect(readEnv({ HF_TOKEN: "hf_abc" }).HF_TOKEN).toBe("hf_abc");
    expect(readEnv({ HF_TOKEN: "" }).HF_TOKEN).toBeUndefined();
  });
  it("refuses an endpoint that is not an http(s) URL, and a token with spaces", () => {
    expect(() => readEnv({ HF_ENDPOINT: "huggingface.co" })).toThrow(/HF_ENDPOINT: must be an http\(s\) URL/);
    expect(() => readEnv({ HF_ENDPOINT: "ftp://mirror.example" })).toThrow(/HF_ENDPOINT/);
    expect(() => readEnv({ HF_TOKEN: "hf abc" })).toThrow(/HF_TOKEN: must be a token without spaces/);
  });
});
