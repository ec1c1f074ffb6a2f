"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="mx-auto max-w-lg px-4 py-20 text-center">
      <h1 className="text-xl font-semibold">Đã có lỗi xảy ra</h1>
      <p className="mt-2 text-slate-600">
        Hệ thống chưa xử lý được yêu cầu. Vui lòng thử lại sau hoặc liên hệ quản trị viên.
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-lg bg-brand-800 px-4 py-2 font-semibold text-white">
        Thử lại
      </button>
    </section>
  );
}
