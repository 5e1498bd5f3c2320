import { expect, it } from "vitest";
import { csvField, csvLines } from "./csv";

it("quotes what needs quoting and neutralises formulas", () => {
  expect(csvField("plain")).toBe("plain");
  expect(csvField('say "hi", ok')).toBe('"say ""hi"", ok"');
  expect(csvField("line\nbreak")).toBe('"line\nbreak"');
  expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
  expect(csvField(-5)).toBe("-5");
  expect(csvField(null)).toBe("");
  expect(csvField(["text", "image"])).toBe("text;image");
  expect(csvLines([["a", "b"], [1, "x,y"]])).toBe('a,b\r\n1,"x,y"\r\n');
});
