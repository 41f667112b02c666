#!/bin/sh
# serve-browser.sh EVALREPORT SOURCE_DIR WORK: the preview in a real
# browser (Chromium driven by playwright-core from npm, installed into
# WORK). The page open on serve's URL and scrolled down shows a save of the
# data file (a plain write, then a vim-style rename) without navigating:
# the new title is in the DOM, the scroll position is kept, the page's
# node for the score sheet is the same object; a broken save shows the
# findings, and the corrected one the report again. Skipped (77) without
# Chromium, node or npm, or when npm cannot fetch playwright-core.
set -u
bin=$1 src=$2 work=$3
browser=/usr/bin/chromium
[ -x "$browser" ] || { echo "SKIP: chromium not installed"; exit 77; }
command -v node >/dev/null || { echo "SKIP: node not installed"; exit 77; }
command -v npm >/dev/null || { echo "SKIP: npm not installed"; exit 77; }
mkdir -p "$work"
if [ ! -d "$work/node_modules/playwright-core" ]; then
  timeout 300 npm install --prefix "$work" --no-save --no-audit --no-fund --no-package-lock \
    playwright-core@1 >"$work/npm.log" 2>&1
  [ -d "$work/node_modules/playwright-core" ] ||
    { echo "SKIP: npm could not install playwright-core:"; tail -3 "$work/npm.log"; exit 77; }
fi
. "$src/tests/serve-lib.sh"
serve_scratch
cp "$src/samples/nanchong-2018.yaml" "$dir/unit.yaml"
serve_start "$dir/unit.yaml" "$dir/url" "$dir/log"
[ -n "$url" ] || { echo "FAIL: no URL"; cat "$dir/log"; exit 1; }

cat >"$dir/drive.js" <<'JS'
const { chromium } = require(process.env.WORK + "/node_modules/playwright-core");
const fs = require("fs");
const [url, file, original] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let failed = false;
const check = (ok, what) => {
  console.log(`${ok ? "ok" : "FAIL:"} ${what}`);
  if (!ok) failed = true;
};
(async () => {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    let navigations = 0;
    page.on("framenavigated", (f) => { if (f === page.mainFrame()) navigations++; });
    await page.goto(url, { waitUntil: "load" });
    await sleep(1000);
    await page.evaluate(() => { window.scrollTo(0, 3000); window.__sheet = document.querySelector("table.sheet"); });
    const text = fs.readFileSync(original, "utf8");
    const seen = (m) => page.waitForFunction((m) => document.body.textContent.includes(m), m, { polling: "raf", timeout: 20000 })
      .then(() => true, () => false);
    fs.writeFileSync(file, text.replace(/^(  title: .*)$/m, "$1甲次保存"));
    check(await seen("甲次保存"), "a plain write shows in the page");
    fs.writeFileSync(file + ".swp", text.replace(/^(  title: .*)$/m, "$1乙次保存"));
    fs.renameSync(file + ".swp", file);
    check(await seen("乙次保存"), "a vim-style save (rename) shows in the page");
    const state = await page.evaluate(() => [window.scrollY, window.__sheet === document.querySelector("table.sheet"),
      document.querySelectorAll("script").length, document.title]);
    check(navigations === 1, `no navigation (${navigations - 1} reloads)`);
    check(state[0] === 3000, `the scroll position is kept (${state[0]})`);
    check(state[1], "the score sheet's node is kept: only what changed is replaced");
    check(state[3].includes("乙次保存"), "the title follows");
    fs.writeFileSync(file, "evalreport: 1\nkind: full\nproject:\n  name: 测试\n year: 2023\n");
    check(await seen("报告暂时无法生成"), "a broken save shows the findings");
    fs.writeFileSync(file, text.replace(/^(  title: .*)$/m, "$1丙次保存"));
    check(await seen("丙次保存"), "the corrected save shows the report again");
    const later = await page.evaluate(() => [!!document.querySelector("table.sheet"), !!document.querySelector("#er-live")]);
    check(later[0] && later[1], "the report and the preview bar are back");
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.log("FAIL: " + e); process.exit(1); });
JS
WORK=$(cd "$work" && pwd) node "$dir/drive.js" "$url" "$dir/unit.yaml" "$src/samples/nanchong-2018.yaml"
status=$?
[ $status = 0 ] || { echo "--- server log:"; cat "$dir/log"; }
exit $status
