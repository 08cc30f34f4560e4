import { describe, expect, it } from "vitest";
import { joinRequestSchema } from "~/domain/vendor-input";

describe("joining a request to a joint ask by its number", () => {
  const schema = joinRequestSchema("TRC");
  const number = (value: string) => {
    const parsed = schema.safeParse({ intent: "add-request", number: value });
    return parsed.success ? parsed.data.number : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  };

  it("takes the number, #number or the organization's own reference, in any case", () => {
    expect(number("42")).toBe(42);
    expect(number(" #42 ")).toBe(42);
    expect(number("TRC-42")).toBe(42);
    expect(number("trc-7")).toBe(7);
  });

  it("refuses another organization's reference and anything else, naming the field and the expected form", () => {
    expect(number("ABC-42")).toBe("number: Enter one of your requests' numbers, like 42 or TRC-42");
    expect(number("TRC-")).toBe("number: Enter one of your requests' numbers, like 42 or TRC-42");
    expect(number("forty-two")).toBe("number: Enter one of your requests' numbers, like 42 or TRC-42");
    expect(number("1234567890")).toBe("number: Enter one of your requests' numbers, like 42 or TRC-42");
  });

  it("without a code, gives #42 as the example", () => {
    const parsed = joinRequestSchema("").safeParse({ intent: "add-request", number: "x" });
    expect(parsed.success ? null : parsed.error.issues[0]!.message).toBe("Enter one of your requests' numbers, like 42 or #42");
  });
});
