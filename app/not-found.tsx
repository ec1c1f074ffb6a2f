import Link from "next/link";

export default function NotFound() {
  return (
    <section className="mx-auto max-w-lg px-4 py-20 text-center">
      <h1 className="text-xl font-semibold">Không tìm thấy trang</h1>
      <p className="mt-2 text-slate-600">Nội dung không tồn tại hoặc bạn không có quyền xem.</p>
      <Link href="/" className="mt-6 inline-block rounded-lg bg-brand-800 px-4 py-2 font-semibold text-white">
        Về trang chính
      </Link>
    </section>
  );
}
