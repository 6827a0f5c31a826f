import { describe, expect, it } from "vitest";
import { personColor } from "./person-color";

describe("personColor", () => {
  it("gives one account the same colour everywhere", () => {
    expect(personColor("3f1c9b2e-0000-4000-8000-000000000001")).toBe(personColor("3f1c9b2e-0000-4000-8000-000000000001"));
    expect(personColor("a")).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("gives different accounts different colours", () => {
    const ids = Array.from({ length: 40 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    const colours = new Set(ids.map(personColor));
    expect(colours.size).toBeGreaterThanOrEqual(38);
  });

  it("is dark enough for white label text", () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (let i = 0; i < 200; i++) {
      const contrast = 1.05 / (luminance(personColor(`account-${i}`)) + 0.05);
      expect(contrast).toBeGreaterThan(3.7);
    }
  });
});
