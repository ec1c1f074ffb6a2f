"use client";

// The error page: nothing about the error itself, only the request's id (the error's digest,
// set by the gate), which the administrator finds in the server's log.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="mx-auto max-w-lg px-4 py-20 text-center">
      <h1 className="text-xl font-semibold">Đã có lỗi xảy ra</h1>
      <p className="mt-2 text-slate-600">
        Hệ thống chưa xử lý được yêu cầu. Vui lòng thử lại sau hoặc liên hệ quản trị viên.
      </p>
      {error.digest ? (
        <p className="mt-3 text-sm text-slate-500" data-testid="request-id">
          Khi liên hệ, vui lòng báo mã yêu cầu:{" "}
          <code className="font-mono text-slate-800 select-all">{error.digest}</code>
        </p>
      ) : null}
      <button type="button" onClick={reset} className="mt-6 rounded-lg bg-brand-800 px-4 py-2 font-semibold text-white">
        Thử lại
      </button>
    </section>
  );
}
