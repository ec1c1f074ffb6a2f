// `npm run reminders` (for cron, once a day): one digest per agency of the tasks whose reminder day
// it is by the province's schedule; by e-mail when SMTP_URL is set and the agency has an address,
// in the app otherwise. Running it again the same day sends nothing more.
import { closeDb, db } from "@/lib/db/client";
import { appBaseUrl, env, EnvError } from "@/lib/env";
import { smtpMailer } from "@/lib/reminders/mailer";
import { runReminders } from "@/lib/reminders/run";
import { formatDay } from "@/lib/time/calendar";
import { today } from "@/lib/time/today";

async function main(): Promise<number> {
  let config;
  try {
    config = env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const day = today();
  const mailer = config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.MAIL_FROM) : undefined;
  try {
    const r = await runReminders(db(), day, {
      mailer,
      baseUrl: appBaseUrl(config),
    });
    console.log(
      `Nhắc việc ngày ${formatDay(day)}: ${r.agencies} cơ quan có việc cần nhắc; ${r.created} bản tin mới ` +
        `(${r.emailed} gửi email, ${r.inApp} hiển thị trong ứng dụng, ${r.failed} gửi lỗi); ${r.skipped} cơ quan đã có bản tin hôm nay.` +
        (r.personal > 0 ? ` ${r.personal} thư nhắc cho cán bộ đã chọn nhận (gửi qua hàng đợi của ứng dụng).` : "") +
        (r.webhooks > 0 ? ` ${r.webhooks} sự kiện quá hạn chờ gửi tới webhook.` : "") +
        (mailer ? "" : " Chưa cấu hình SMTP_URL: bản tin chỉ hiển thị trong ứng dụng."),
    );
    return r.failed > 0 ? 2 : 0;
  } finally {
    mailer?.close();
    await closeDb();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("Không chạy được nhắc việc:", error);
    process.exit(1);
  },
);
