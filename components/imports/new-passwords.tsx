"use client";

import { useState } from "react";
import type { NewPassword } from "@/lib/imports/users-store";
import { Button } from "@/components/ui/button";

function csvCell(text: string): string {
  return /[",;\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The temporary passwords of the accounts an import created, shown once: a table, and the same
 * as a CSV file made in the browser (the server keeps only their hashes).
 */
export function NewPasswords({ passwords }: { passwords: NewPassword[] }) {
  const [saved, setSaved] = useState(false);
  function download() {
    const lines = [
      ["Tên đăng nhập", "Họ tên", "Mật khẩu tạm"],
      ...passwords.map((p) => [p.username, p.name, p.temporaryPassword]),
    ];
    const text = "\uFEFF" + lines.map((l) => l.map(csvCell).join(",")).join("\r\n") + "\r\n";
    const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "mat-khau-tam.csv";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setSaved(true);
  }
  return (
    <section
      className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm"
      aria-labelledby="new-passwords-title"
      data-testid="new-passwords"
    >
      <h2 id="new-passwords-title" className="font-semibold text-amber-900">
        Mật khẩu tạm của {passwords.length} tài khoản mới (chỉ hiện một lần)
      </h2>
      <p className="mt-1 text-amber-900">
        Hãy trao riêng cho từng người; ở lần đăng nhập đầu họ phải đổi sang mật khẩu của mình. Rời trang này là không
        xem lại được nữa.
      </p>
      <div className="mt-3 overflow-x-auto rounded-lg border border-amber-200 bg-white">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">Tên đăng nhập và mật khẩu tạm</caption>
          <thead className="bg-amber-100/60 text-xs font-semibold text-amber-900 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">
                Tên đăng nhập
              </th>
              <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                Họ tên
              </th>
              <th scope="col" className="px-3 py-2">
                Mật khẩu tạm
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-amber-100">
            {passwords.map((p) => (
              <tr key={p.username} data-testid="new-password-row">
                <td className="px-3 py-2 font-mono text-xs break-all">{p.username}</td>
                <td className="hidden px-3 py-2 sm:table-cell">{p.name}</td>
                <td className="px-3 py-2">
                  <code className="font-mono tracking-wider whitespace-nowrap select-all">{p.temporaryPassword}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-3 flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={download}>
          Tải danh sách mật khẩu tạm (.csv)
        </Button>
        {saved ? <span className="text-amber-900">Đã tải tệp; hãy cất giữ cẩn thận rồi xóa sau khi trao.</span> : null}
      </p>
    </section>
  );
}
