#!/bin/sh
# bench/serve.sh [EVALREPORT]: serve's save-to-screen latency, in a real
# browser. For every sample, `evalreport serve` runs on a copy of it and
# headless Chromium (/usr/bin/chromium, driven by playwright-core from npm,
# installed into a scratch directory) has its page open; the data file is
# then saved SERVE_SAVES times with a plain write (open, truncate, write)
# and SERVE_SAVES times as vim saves (write a new file, rename it over the
# old one), each save giving the project a new name, and the time from the
# save to the new title being in the page's DOM (checked every frame) is
# taken. Saves are 0.5–0.8 s apart, so each one is a change of its own.
#
# Writes a Markdown section on stdout (bench/run puts it into RESULTS.md),
# progress on stderr. Target: p90 ≤ 150 ms. Not a test: exits 0 unless a
# tool fails; without Chromium, node or npm (or no network for npm) the
# section says so.
#
# SERVE_SAVES  saves of each kind per sample (default 20)
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/evalreport}
case "$bin" in /*) ;; *) bin=$(pwd)/$bin ;; esac
saves=${SERVE_SAVES:-20}
case "$saves" in '' | *[!0-9]* | 0) echo "bench/serve.sh: SERVE_SAVES takes a number ≥ 1" >&2 && exit 1 ;; esac

section() {
  echo "## 7. serve: from a save to the screen"
  echo
  echo "\`evalreport serve\` on each sample with its page open in headless Chromium"
  echo "(playwright-core); $saves plain writes and $saves vim-style saves (new file"
  echo "renamed over the old) per sample, each giving the report a new title; the"
  echo "time from the save until the new title is in the page's DOM (checked every"
  echo "frame). The server coalesces a burst of saves into one render."
  echo
  echo "Target: the 90th percentile ≤ 150 ms."
  echo
}

skip() {
  section
  echo "- $*; left out."
  exit 0
}

browser=/usr/bin/chromium
[ -x "$browser" ] || skip "Chromium is not installed ($browser)"
command -v node >/dev/null || skip "node is not installed"
command -v npm >/dev/null || skip "npm is not installed"
[ -x "$bin" ] || { echo "bench/serve.sh: no $bin; build it first" >&2 && exit 1; }

. "$root/tests/serve-lib.sh"
serve_scratch
work=$dir
trap 'exit 130' INT TERM

echo "serve: installing playwright-core from npm…" >&2
timeout 300 npm install --prefix "$work/pw" --no-save --no-audit --no-fund --no-package-lock \
  playwright-core@1 >"$work/npm.log" 2>&1 || true
[ -d "$work/pw/node_modules/playwright-core" ] ||
  skip "npm could not install playwright-core ($(tail -n 1 "$work/npm.log"))"

# the browser side: node SCRIPT URL FILE ORIGINAL SAVES, one line per save:
# "write|rename MS"
cat >"$work/drive.js" <<'JS'
const { chromium } = require(process.env.PW + "/node_modules/playwright-core");
const fs = require("fs");
const [url, file, original, saves] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.BROWSER,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url, { waitUntil: "load" });
    await sleep(2000); // the page is drawn and its event stream open
    const text = fs.readFileSync(original, "utf8");
    let k = 0;
    for (const kind of ["write", "rename"])
      for (let i = 0; i < Number(saves); i++) {
        const mark = `第${++k}次保存${kind === "write" ? "甲" : "乙"}`;
        const data = text.replace(/^(  title: .*)$/m, `$1${mark}`);
        const start = process.hrtime.bigint();
        if (kind === "write") fs.writeFileSync(file, data);
        else {
          fs.writeFileSync(file + ".swp", data);
          fs.renameSync(file + ".swp", file);
        }
        await page.waitForFunction((m) => document.body !== null && document.body.textContent.includes(m),
          mark, { polling: "raf", timeout: 10000 });
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        console.log(`${kind} ${ms.toFixed(1)}`);
        await sleep(500 + Math.floor(Math.random() * 300));
      }
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(String(e));
  process.exit(1);
});
JS

# p PERCENT FILE: the nearest-rank percentile of a column of numbers
p() { sort -n "$2" | awk -v q="$1" '{ v[NR] = $1 } END { i = int(NR * q / 100 + 0.9999); if (i < 1) i = 1; print v[i] }'; }

: >"$work/all"
rows=""
for s in "$root"/samples/*.yaml; do
  name=${s##*/}
  name=${name%.yaml}
  mkdir "$work/$name"
  cp "$s" "$work/$name/$name.yaml"
  serve_start "$work/$name/$name.yaml" "$work/url" "$work/$name/log"
  [ -n "$url" ] || { cat "$work/$name/log" >&2 && echo "bench/serve.sh: serve did not start" >&2 && exit 1; }
  echo "serve, $name: $saves + $saves saves in Chromium" >&2
  before=$(grep -c '第 [0-9]* 版' "$work/$name/log" || true)
  PW=$work/pw BROWSER=$browser node "$work/drive.js" "$url" "$work/$name/$name.yaml" "$s" "$saves" \
    >"$work/$name/times" || { cat "$work/$name/log" >&2 && exit 1; }
  after=$(grep -c '第 [0-9]* 版' "$work/$name/log" || true)
  kill -TERM "$pid"
  wait "$pid" || true
  pid=""
  rm -f "$work/url"
  for kind in write rename; do
    awk -v k="$kind" '$1 == k { print $2 }' "$work/$name/times" >"$work/$name/$kind"
  done
  cut -d' ' -f2 "$work/$name/times" >"$work/$name/both"
  cat "$work/$name/both" >>"$work/all"
  render=$(sed -n 's/.*第 [0-9]* 版.*（\([0-9.]*\) 秒）$/\1/p' "$work/$name/log" | tail -n +2 | sort -n |
    awk '{ v[NR] = $1 * 1000 } END { printf "%.0f", v[int((NR + 1) / 2)] }')
  rows="$rows| $name | $(p 50 "$work/$name/write") / $(p 90 "$work/$name/write") | $(p 50 "$work/$name/rename") / $(p 90 "$work/$name/rename") | $(p 50 "$work/$name/both") | $(p 90 "$work/$name/both") | $(sort -n "$work/$name/both" | tail -n 1) | $render | $((after - before)) |
"
  echo "  $name: p50 $(p 50 "$work/$name/both") ms, p90 $(p 90 "$work/$name/both") ms" >&2
done

section
echo "| sample | plain write p50 / p90 | vim-style p50 / p90 | p50 | p90 | worst | render (server, median) | new versions |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s' "$rows"
p90=$(p 90 "$work/all")
verdict=PASS
awk -v v="$p90" 'BEGIN { exit !(v <= 150) }' || verdict=FAIL
echo
echo "- all samples: p50 $(p 50 "$work/all") ms, p90 $p90 ms, worst $(sort -n "$work/all" | tail -n 1) ms: $verdict"
echo "- times in ms; \"new versions\" counts the renders the saves caused ($((2 * saves)) saves per sample)."
echo "- load average (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
