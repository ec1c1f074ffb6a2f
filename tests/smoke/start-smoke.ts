// CI's smoke run of `npm start` on the embedded database, as a newcomer gets it: the demo with
// its played history, served on the demo's day with a banner; the sign-in page answers, a demo
// user signs in over HTTP and sees their board with tasks under way. Prints what it checked;
// exit code 1 on any failure.
import { startApp } from "@/tests/helpers/app-server";
import { HttpSession } from "@/tests/helpers/http-session";
import { DEMO_PASSWORD } from "@/prisma/seed/demo";

async function main(): Promise<number> {
  const started = Date.now();
  const app = await startApp({ embedded: true, env: { SEED_DEMO: "auto" } });
  let failures = 0;
  let passed = 0;
  const check = (ok: boolean, what: string) => {
    console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
    if (ok) passed++;
    else failures++;
  };
  try {
    console.log(`npm start answered after ${((Date.now() - started) / 1000).toFixed(1)} s at ${app.baseUrl}`);
    check(app.log().includes("langson.vanphong"), "npm start printed the demo logins");
    check(app.log().includes("hôm nay được tính là ngày 10/02/2022"), "npm start said which day the demo runs on");
    const signInPage = await fetch(`${app.baseUrl}/dang-nhap`);
    check(
      signInPage.status === 200 && (await signInPage.text()).includes("Đăng nhập"),
      "the sign-in page answers in Vietnamese",
    );
    check(
      (await (await fetch(`${app.baseUrl}/dang-nhap`)).text()).includes(
        "Dữ liệu mẫu · hôm nay được tính là 10/02/2022",
      ),
      "the demo banner names the demo's day",
    );

    const wrong = new HttpSession(app.baseUrl);
    check(!(await wrong.signIn("longan.syt", "mat-khau-sai")), "a wrong password gets no session");

    const s = new HttpSession(app.baseUrl);
    check(await s.signIn("longan.syt", DEMO_PASSWORD), "longan.syt signs in over HTTP");
    const home = await s.get("/");
    const html = await home.text();
    check(
      home.status === 200 && html.includes("Sở Y tế") && html.includes("875/TB-VPUBND"),
      "the user lands on Sở Y tế's board with the Long An notice's tasks",
    );
    check(html.includes("Đang thực hiện") && html.includes("Hoàn thành"), "the board shows tasks under way and done");
  } finally {
    await app.stop();
  }
  console.log(`smoke: ${passed} passed, ${failures} failed`);
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
