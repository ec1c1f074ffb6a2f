"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { uploadRegisterAction } from "@/lib/imports/actions";
import { callAction } from "@/lib/validation/call-action";
import { Button } from "@/components/ui/button";
import { FilePicker } from "@/components/ui/file-picker";
import { StatusMessage } from "@/components/ui/status-message";

const ACCEPT = ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";

/** Uploads the register; the page then maps its columns and previews it (`?lan=`). Nothing is stored yet. */
export function RegisterUploadForm({ path, again }: { path: string; again: boolean }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function upload() {
    const form = new FormData();
    if (file) form.set("file", file);
    setMessage(null);
    startTransition(async () => {
      const r = await callAction(() => uploadRegisterAction(null, form));
      if (!r.ok) return setMessage(r.fieldErrors?.file?.[0] ?? r.message);
      setFile(null);
      router.push(`${path}?lan=${r.batchId}`);
    });
  }

  return (
    <div className="grid gap-3" data-testid="register-upload">
      <div>
        <label htmlFor="tep-so-theo-doi" className="block font-medium">
          {again ? "Tệp sổ theo dõi đã sửa" : "Tệp sổ theo dõi"}
        </label>
        <p id="tep-so-theo-doi-goi-y" className="text-sm text-slate-600">
          Excel (.xlsx) hoặc CSV (UTF-8), tối đa 5 MB và 2.000 dòng; trang tính đầu tiên có dữ liệu được đọc.
        </p>
        <FilePicker
          id="tep-so-theo-doi"
          accept={ACCEPT}
          file={file}
          onChange={setFile}
          disabled={pending}
          describedBy="tep-so-theo-doi-goi-y"
        />
      </div>
      <StatusMessage tone={message ? "error" : null} urgent className="min-h-5">
        {message}
      </StatusMessage>
      <div>
        <Button
          pending={pending}
          pendingLabel="Đang đọc tệp…"
          disabled={!file}
          onClick={upload}
          variant={again ? "secondary" : "primary"}
        >
          {again ? "Tải lên và xem trước lại" : "Tải lên và ghép cột"}
        </Button>
      </div>
    </div>
  );
}
