import { describe, expect, it, vi } from "vitest";
import { ConflictError, GENERIC_ERROR_MESSAGE, NotFoundError, userMessage } from "@/lib/errors";

describe("what the user reads when something fails", () => {
  it("passes on expected errors' Vietnamese messages", () => {
    expect(userMessage(new ConflictError("Nhiệm vụ vừa được cập nhật."), "t")).toBe("Nhiệm vụ vừa được cập nhật.");
    expect(userMessage(new NotFoundError("Thông báo"), "t")).toBe(
      "Thông báo không tồn tại hoặc bạn không có quyền xem.",
    );
  });

  it("hides an unexpected error behind a generic message and logs the details", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const raw = new Error('duplicate key value violates unique constraint "Assignment_pkey"');
    expect(userMessage(raw, "assignment.start")).toBe(GENERIC_ERROR_MESSAGE);
    expect(GENERIC_ERROR_MESSAGE).not.toContain("constraint");
    expect(log).toHaveBeenCalledWith("[assignment.start]", raw);
    log.mockRestore();
  });
});
