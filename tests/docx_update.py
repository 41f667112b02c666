"""docx_update.py DOCX PROFILE_DIR

LibreOffice updates the DOCX's contents (headless, through UNO, with a
private profile under PROFILE_DIR) as a user's "Update index" would: the
entries it makes must be the cached ones, entry for entry — an annex's
"附件N：title" from its TC field, not "附件N"; no summary heading, no
report title. Only the texts are compared: the page numbers are
LibreOffice's own layout's, and LibreOffice 7.4 reads a TC field's
level one lower than Word does. Exits 77 without python3-uno."""
import os
import re
import signal
import subprocess
import sys
import time

try:
    import uno
    from com.sun.star.beans import PropertyValue
except ImportError:
    print("skipped: no python3-uno")
    sys.exit(77)


def letters(s):
    return re.sub(r"[\W_]+", "", s)


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def entries(index):
    """The entries of an index, a paragraph each (a wrapped one's line
    breaks in it), page numbers (Arabic or Roman) off."""
    out = []
    paragraphs = index.getAnchor().createEnumeration()
    while paragraphs.hasMoreElements():
        text = paragraphs.nextElement().getString()
        if letters(text):
            out.append(letters(re.sub(r"\t\S*$", "", text)))
    return out


def update(desktop, docx):
    """The cached and the updated entries of the DOCX's one contents, or
    a failure message; None for a document without contents."""
    doc = desktop.loadComponentFromURL("file://" + docx, "_blank", 0, (prop("Hidden", True),))
    try:
        indexes = doc.getDocumentIndexes()
        if indexes.getCount() == 0:
            return None
        if indexes.getCount() != 1:
            return f"{indexes.getCount()} indexes in LibreOffice, not the one contents"
        index = indexes.getByIndex(0)
        cached = entries(index)
        index.update()
        return cached, entries(index)
    finally:
        doc.close(True)


def main():
    docx, profile = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    pipe = f"evalreport{os.getpid()}"
    # a session of its own: soffice is a wrapper, and what must end with
    # the test is the soffice.bin it starts
    office = subprocess.Popen(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible",
         "--norestore", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.25)
        if ctx is None:
            print("FAIL: LibreOffice did not answer on its pipe")
            return 1
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        result = update(desktop, docx)
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:
                pass  # the bridge goes down with LibreOffice
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(office.pid, signal.SIGKILL)
            office.wait()
    if result is None:
        print("ok update: no contents")
        return 0
    if isinstance(result, str):
        print("FAIL: " + result)
        return 1
    cached, updated = result
    if not cached or updated != cached:
        i = next((i for i, (a, b) in enumerate(zip(updated, cached)) if a != b),
                 min(len(updated), len(cached)))
        print(f"FAIL: LibreOffice's updated contents differ from the cached from entry {i + 1}: "
              f"{updated[i:i + 2]} for {cached[i:i + 2]} ({len(updated)} and {len(cached)} entries)")
        return 1
    print(f"ok update: LibreOffice's updated contents has the {len(cached)} cached entries")
    return 0


sys.exit(main())
