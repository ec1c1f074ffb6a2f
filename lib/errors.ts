// Expected failures carry a message fit for the user, in Vietnamese. Anything else is a bug:
// it is logged and the user sees GENERIC_ERROR_MESSAGE.

export class AppError extends Error {
  readonly status: number = 400;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  override readonly status = 404;
  constructor(what = "Nội dung") {
    super(`${what} không tồn tại hoặc bạn không có quyền xem.`);
  }
}

export class ForbiddenError extends AppError {
  override readonly status = 403;
  constructor(message = "Bạn không có quyền thực hiện thao tác này.") {
    super(message);
  }
}

export class UnauthenticatedError extends AppError {
  override readonly status = 401;
  constructor() {
    super("Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.");
  }
}

export class ConflictError extends AppError {
  override readonly status = 409;
}

export class ValidationError extends AppError {
  override readonly status = 422;
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export const GENERIC_ERROR_MESSAGE = "Đã có lỗi xảy ra. Vui lòng thử lại sau hoặc liên hệ quản trị viên.";

/** Turns any error into what the user may read, logging what they may not. */
export function userMessage(error: unknown, context: string): string {
  if (error instanceof AppError) return error.message;
  console.error(`[${context}]`, error);
  return GENERIC_ERROR_MESSAGE;
}
