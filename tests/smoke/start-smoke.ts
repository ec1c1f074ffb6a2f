// CI's smoke run of `npm start` on the embedded database: the sign-in page answers, a demo user
// signs in over HTTP and sees their board. Prints what it checked; exit code 1 on any failure.
import { startApp } from "@/tests/helpers/app-server";
import { HttpSession } from "@/tests/helpers/http-session";
import { DEMO_PASSWORD } from "@/prisma/seed/demo";

async function main(): Promise<number> {
  const started = Date.now();
  const app = await startApp({ embedded: true, today: "2021-09-10" });
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
    const signInPage = await fetch(`${app.baseUrl}/dang-nhap`);
    check(
      signInPage.status === 200 && (await signInPage.text()).includes("Đăng nhập"),
      "the sign-in page answers in Vietnamese",
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
