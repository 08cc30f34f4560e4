import { describe, expect, it } from "vitest";
import { contentDisposition, safeFilename, uniqueNames } from "~/domain/files/filename";

describe("download names", () => {
  it("strips directories, reserved and control characters", () => {
    expect(safeFilename("../../etc/passwd")).toBe("_.._etc_passwd");
    expect(safeFilename('a<b>:"c"|?*.csv')).toBe("a_b___c____.csv");
    expect(safeFilename("bad\u0000\nname.csv")).toBe("badname.csv");
    expect(safeFilename("...")).toBe("download");
    expect(safeFilename("CON.txt")).toBe("download");
  });

  it("keeps the extension when shortening a long name", () => {
    const name = safeFilename(`${"x".repeat(300)}.xlsx`);
    expect(name.length).toBe(150);
    expect(name.endsWith(".xlsx")).toBe(true);
  });

  it("gives an ASCII name and the exact one as filename* (RFC 6266)", () => {
    expect(contentDisposition("stops.csv")).toBe('attachment; filename="stops.csv"');
    expect(contentDisposition("Détroit données (2024).csv")).toBe(
      "attachment; filename=\"Detroit donnees (2024).csv\"; filename*=UTF-8''D%C3%A9troit%20donn%C3%A9es%20%282024%29.csv",
    );
    // The quote can't end the quoted string early; the exact (sanitized) name travels percent-encoded.
    expect(contentDisposition('evil"; filename="x.html')).toBe(
      "attachment; filename=\"evil__ filename=_x.html\"; filename*=UTF-8''evil_%3B%20filename%3D_x.html",
    );
  });

  it("numbers names that repeat in one archive", () => {
    expect(uniqueNames(["a.csv", "A.csv", "a.csv", "b"])).toEqual(["a.csv", "A (2).csv", "a (3).csv", "b"]);
  });
});
