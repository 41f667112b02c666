// node ofd_render.js MODULES FILE.ofd DPI OUTDIR [PAGE…]: opens FILE.ofd with
// ofd.js (the npm package, an OFD reader of its own: it unzips the package,
// parses the XML and draws each page as SVG) in headless Chromium driven by
// playwright-core, renders every page at DPI, screenshots the pages given
// (0-based) as OUTDIR/ofd-N.png, and prints one JSON object: the page count,
// each page's size in px, the text of each page as the reader drew it
// (its SVG <text> elements, in order), and every error the page raised.
const path = require('path'), fs = require('fs');
const [mods, file, dpi, outdir, ...shots] = process.argv.slice(2);
const { chromium } = require(path.join(mods, 'playwright-core'));
(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
  });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head>' +
    '<body style="margin:0;background:#fff"><div id="out"></div></body></html>');
  await page.addScriptTag({ path: path.join(mods, 'ofd.js/lib/ofd.umd.min.js') });
  const b64 = fs.readFileSync(file).toString('base64');
  const res = await page.evaluate(async ({ b64, dpi }) => {
    const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
    return await new Promise(resolve => {
      ofd.parseOfdDocument({
        ofd: bytes.buffer,
        success(docs) {
          try {
            ofd.setPageScale(dpi / 25.4); /* px a millimetre */
            const divs = ofd.renderOfdByScale(docs[0]);
            const out = document.getElementById('out');
            divs.forEach((d, i) => { d.dataset.n = i; d.style.marginBottom = '0'; out.appendChild(d); });
            resolve({
              pages: divs.length,
              sizes: divs.map(d => [parseFloat(d.style.width), parseFloat(d.style.height)]),
              text: divs.map(d => Array.from(d.querySelectorAll('text')).map(t => t.textContent).join('')),
            });
          } catch (e) { resolve({ error: String(e) + '\n' + e.stack }); }
        },
        fail(e) { resolve({ error: 'ofd.js could not open the file: ' + String(e) }); }
      });
    });
  }, { b64, dpi: Number(dpi) });
  res.errors = errors;
  for (const n of shots) {
    const el = await page.$('div[data-n="' + n + '"]');
    if (el) await el.screenshot({ path: path.join(outdir, 'ofd-' + n + '.png') });
  }
  console.log(JSON.stringify(res));
  await browser.close();
})().catch(e => { console.log(JSON.stringify({ error: String(e) })); process.exit(1); });
