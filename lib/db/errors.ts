import { ConflictError, NotFoundError, type AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

// Prisma's expected failures as the project's typed errors: a unique constraint (two saves of the
// same name, a login taken) is a conflict; a record deleted under the user's feet is not found;
// a record still referenced elsewhere cannot be removed. Anything else stays unexpected.

export function knownDatabaseError(error: unknown): AppError | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return null;
  switch (error.code) {
    case "P2002":
      return new ConflictError("Dữ liệu trùng với một bản ghi đã có; vui lòng kiểm tra lại.");
    case "P2025":
    case "P2001":
      return new NotFoundError();
    case "P2003":
    case "P2014":
      return new ConflictError("Bản ghi đang được dùng ở nơi khác nên không thể thay đổi như vậy.");
    default:
      return null;
  }
}
