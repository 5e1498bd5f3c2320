import { describe, expect, it } from "vitest";
import {
  echoCorrectionInput,
  evidenceUrlSchema,
  FIELD_TEXT_SCHEMAS,
  parseCorrectionInput,
  plainTextSchema,
  readCorrectionForm,
  reviewFormSchema,
} from "./correction";

const ok = <T>(r: { success: boolean; data?: T }) => (r.success ? r.data : "ERROR");

describe("proposed values are parsed in their field's own type", () => {
  it("parameter counts: exact, with separators, or with a unit", () => {
    const p = FIELD_TEXT_SCHEMAS.totalParams;
    expect(ok(p.safeParse("671000000000"))).toBe(671_000_000_000);
    expect(ok(p.safeParse("671,000,000,000"))).toBe(671_000_000_000);
    expect(ok(p.safeParse(" 671 000 000 000 "))).toBe(671_000_000_000);
    expect(ok(p.safeParse("671B"))).toBe(671_000_000_000);
    expect(ok(p.safeParse("1.04T"))).toBe(1_040_000_000_000);
    expect(ok(p.safeParse("7.6b"))).toBe(7_600_000_000);
    expect(ok(p.safeParse("1,2345"))).toBe("ERROR");
    expect(ok(p.safeParse("1e12"))).toBe(1_000_000_000_000);
  });
  it("token counts are exact (128K is ambiguous: 128000 or 131072)", () => {
    expect(ok(FIELD_TEXT_SCHEMAS.contextWindow.safeParse("131072"))).toBe(131072);
    expect(FIELD_TEXT_SCHEMAS.contextWindow.safeParse("128K").error?.issues[0]?.message).toMatch(/like 131072/);
  });
  it("dates, enums, yes/no, lists", () => {
    expect(ok(FIELD_TEXT_SCHEMAS.releaseDate.safeParse("2024-12-26"))).toBe("2024-12-26");
    expect(ok(FIELD_TEXT_SCHEMAS.openWeights.safeParse("no"))).toBe(false);
    expect(ok(FIELD_TEXT_SCHEMAS.architecture.safeParse("moe"))).toBe("moe");
    expect(ok(FIELD_TEXT_SCHEMAS.developers.safeParse("deepseek, tsinghua  pku"))).toEqual(["deepseek", "tsinghua", "pku"]);
    expect(FIELD_TEXT_SCHEMAS.developers.safeParse("a, a").error?.issues[0]?.message).toMatch(/twice/);
    expect(ok(FIELD_TEXT_SCHEMAS.modalities.safeParse(["image", "text"]))).toEqual(["text", "image"]);
    expect(ok(FIELD_TEXT_SCHEMAS.modalities.safeParse("text"))).toEqual(["text"]);
  });
});

describe("plainTextSchema", () => {
  const line = plainTextSchema(50);
  const multi = plainTextSchema(50, { multiline: true });
  it("keeps ordinary text, including < and & that are not markup", () => {
    expect(ok(line.safeParse("  Qwen2.5 < 72B & more  "))).toBe("Qwen2.5 < 72B & more");
    expect(ok(multi.safeParse("line one\nline two\ttab"))).toBe("line one\nline two\ttab");
    expect(ok(line.safeParse("DeepSeek‑V3 (中文) 🚀"))).toBe("DeepSeek‑V3 (中文) 🚀");
  });
  it("refuses markup, control characters and overlong text", () => {
    for (const bad of ["<i>x</i>", "<script src=//x>", "<!-- x -->", "<svg/onload=alert(1)>", "a\u0000b", "a\u0007b", "a\u202eb", "a\u2066b", "a\nb", "x".repeat(51)]) {
      expect(line.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(multi.safeParse("a\u0000b").success).toBe(false);
  });
});

describe("evidenceUrlSchema", () => {
  it("takes public http(s) addresses, normalized", () => {
    expect(ok(evidenceUrlSchema.safeParse(" https://arxiv.org/abs/2412.19437 "))).toBe("https://arxiv.org/abs/2412.19437");
    expect(ok(evidenceUrlSchema.safeParse("https://example.org/?q=<x>"))).toBe("https://example.org/?q=%3Cx%3E");
  });
  it("refuses other schemes, private hosts and credentials", () => {
    for (const bad of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "vbscript:x", "data:,x", "file:///etc/passwd", "//example.org", "https://localhost/", "http://intranet/", "https://a.local/", "https://u:p@example.org/", ""]) {
      expect(evidenceUrlSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe("readCorrectionForm and parseCorrectionInput", () => {
  it("reads proposals by prefix, skips Next's own keys, and treats empty as not proposed", () => {
    const form = new FormData();
    form.append("$ACTION_ID_abc", "");
    form.append("f.contextWindow", "163840");
    form.append("f.name", "");
    form.append("f.modalities", "text");
    form.append("f.modalities", "image");
    form.append("evidenceUrl", "https://arxiv.org/abs/1");
    const input = readCorrectionForm(form);
    expect(input.proposals).toEqual({ contextWindow: "163840", name: "", modalities: ["text", "image"] });
    const parsed = parseCorrectionInput(input);
    expect(parsed).toEqual({
      ok: true,
      data: { proposals: { contextWindow: 163840, modalities: ["text", "image"] }, evidenceUrl: "https://arxiv.org/abs/1", note: null, contactEmail: null },
    });
    expect(echoCorrectionInput(input)).toMatchObject({ "f.contextWindow": "163840", "f.modalities": ["text", "image"], evidenceUrl: "https://arxiv.org/abs/1" });
  });
  it("takes a box left with only spaces as not proposed", () => {
    const form = new FormData();
    form.append("f.name", "   ");
    form.append("f.modalities", " ");
    form.append("evidenceUrl", "https://arxiv.org/abs/1");
    expect(parseCorrectionInput(readCorrectionForm(form))).toMatchObject({ ok: false, message: expect.stringMatching(/Propose at least one value/) });
  });
  it("echoes strings only, bounded", () => {
    const form = new FormData();
    form.append("f.name", "x".repeat(50_000));
    form.append("note", new Blob(["file"]));
    const echo = echoCorrectionInput(readCorrectionForm(form));
    expect((echo["f.name"] as string).length).toBe(10_000);
    expect(echo.note).toBe("");
  });
});

describe("reviewFormSchema", () => {
  it("needs a reason to reject, not to accept", () => {
    expect(reviewFormSchema.safeParse({ decision: "accept", ids: ["3"], reason: "" }).success).toBe(true);
    expect(reviewFormSchema.safeParse({ decision: "reject", ids: ["3"], reason: "" }).error?.issues[0]?.message).toMatch(/required when rejecting/);
    expect(reviewFormSchema.safeParse({ decision: "delete", ids: ["3"], reason: "" }).success).toBe(false);
    expect(reviewFormSchema.safeParse({ decision: "accept", ids: [], reason: "" }).success).toBe(false);
    expect(reviewFormSchema.safeParse({ decision: "accept", ids: ["-1"], reason: "" }).success).toBe(false);
  });
});
