import type { ActionResult, Failure } from "@/lib/validation/result";

// In the browser: calls a server action and turns a request that never got an answer from it
// (the connection dropped, the server refused a body over its limit before the action ran, a
// new version of the app was deployed meanwhile) into a failure with a Vietnamese message, so
// that a form always shows something and keeps what was typed.

export const UNREACHABLE_MESSAGE =
  "Không gửi được yêu cầu: mất kết nối, dữ liệu quá lớn (tối đa 12 MB mỗi lần) hoặc ứng dụng vừa được cập nhật. Vui lòng kiểm tra rồi thử lại; nội dung đã nhập vẫn còn.";

export async function callAction<R extends ActionResult<object, object>>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch {
    // Every action's failure carries its extras as optional fields, so this plain one fits R.
    const failure: Failure = { ok: false, code: "unavailable", message: UNREACHABLE_MESSAGE };
    return failure as R;
  }
}
