import type { Metadata, Viewport } from "next";
import "./globals.css";
import { ReadyMark } from "@/components/layout/ready-mark";

export const metadata: Metadata = {
  title: { default: "Theo dõi chỉ đạo phòng, chống dịch", template: "%s · Theo dõi chỉ đạo" },
  description: "Theo dõi việc thực hiện kết luận, chỉ đạo của Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1e3a8a" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi">
      <body className="min-h-dvh">
        <a
          href="#noi-dung"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          Bỏ qua điều hướng
        </a>
        {children}
        <ReadyMark />
      </body>
    </html>
  );
}
