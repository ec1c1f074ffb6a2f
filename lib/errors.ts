// Expected failures carry a message fit for the user, in Vietnamese, and a stable code that
// programs may rely on. Anything else is a bug: the one gate (lib/auth/gate.ts) logs it and the
// user sees GENERIC_ERROR_MESSAGE.

/** Stable codes of the expected failures; the HTTP status follows from the code. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale: 409,
  duplicate: 409,
  too_large: 413,
  invalid: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode = "bad_request";
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  /** What the screen needs beyond the message (a stale record's current state…); sent with the failure. */
  details(): Record<string, unknown> {
    return {};
  }
}

export class NotFoundError extends AppError {
  override readonly code = "not_found";
  constructor(what = "Nội dung") {
    super(`${what} không tồn tại hoặc bạn không có quyền xem.`);
  }
}

export class ForbiddenError extends AppError {
  override readonly code = "forbidden";
  constructor(message = "Bạn không có quyền thực hiện thao tác này.") {
    super(message);
  }
}

export class UnauthenticatedError extends AppError {
  override readonly code = "unauthenticated";
  constructor() {
    super("Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.");
  }
}

export class ConflictError extends AppError {
  override readonly code: ErrorCode = "conflict";
}

export class TooLargeError extends AppError {
  override readonly code = "too_large";
}

export class RateLimitedError extends AppError {
  override readonly code = "rate_limited";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export class ValidationError extends AppError {
  override readonly code = "invalid";
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

/** A value for one field was refused: the message shows beside that field. */
export function invalidField(field: string, message: string): never {
  throw new ValidationError(message, { [field]: [message] });
}

export const GENERIC_ERROR_MESSAGE = "Đã có lỗi xảy ra. Vui lòng thử lại sau hoặc liên hệ quản trị viên.";
