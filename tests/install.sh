#!/bin/sh
# install.sh BUILD_DIR SOURCE_DIR WORK: `cmake --install` into a temporary
# prefix puts the binary, templates (outlines, starter files, styles), the
# fonts map, the man page and the bash and zsh completions in their usual
# places; the prefix, moved elsewhere, renders a sample with the templates
# installed beside it (a marker put into the installed head.tpl shows in
# the output) from a directory outside the source tree; `man` reads the
# page and bash completes the commands.
set -u
build=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
fail=0
bad() { echo "FAIL: $*"; fail=1; }
cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; exit 1; }
for f in bin/evalreport share/evalreport/templates/report.tpl \
  share/evalreport/templates/outlines/full.yaml share/evalreport/templates/outlines/self.yaml \
  share/evalreport/templates/init/full.yaml share/evalreport/templates/styles/gbt9704.yaml \
  share/evalreport/fonts/roles.yaml share/man/man1/evalreport.1 \
  share/bash-completion/completions/evalreport share/zsh/vendor-completions/_evalreport; do
  [ -e "$work/prefix/$f" ] || bad "not installed: $f"
done
# a relocated prefix: the binary finds its templates from where it is
mv "$work/prefix" "$work/moved"
sed -i 's#<title>{{TITLE}}</title>#<title>{{TITLE}}（安装版模板）</title>#' \
  "$work/moved/share/evalreport/templates/head.tpl"
cp "$src/samples/jialing-2023.yaml" "$work/data.yaml"
mkdir -p "$work/elsewhere"
(cd "$work/elsewhere" && env -u EVALREPORT_TEMPLATES "$work/moved/bin/evalreport" render ../data.yaml \
  -o out --format html --format pdf >"$work/render.log" 2>&1) || bad "render from the installed prefix: $(cat "$work/render.log")"
grep -q '（安装版模板）</title>' "$work/elsewhere/out/data.html" 2>/dev/null ||
  bad "the installed binary did not use the installed templates"
[ -s "$work/elsewhere/out/data.pdf" ] || bad "no PDF from the installed binary"
(cd "$work/elsewhere" && "$work/moved/bin/evalreport" init --kind self --outline s.yaml &&
  "$work/moved/bin/evalreport" check s.yaml) >"$work/init.log" 2>&1 || bad "init and check from the prefix: $(cat "$work/init.log")"
# the man page: one section per command
if command -v man >/dev/null; then
  MANWIDTH=100 man -l "$work/moved/share/man/man1/evalreport.1" >"$work/man.txt" 2>"$work/man.err" ||
    bad "man could not read the page: $(cat "$work/man.err")"
  for cmd in "check FILE" "score FILE" "render FILE" "batch INPUT" "serve FILE" "init " "schema"; do
    grep -q "^   $cmd" "$work/man.txt" || bad "no section for $cmd in the man page"
  done
else
  echo "(man is not installed: the page is not read)"
fi
# bash completion: commands, options and formats
if command -v bash >/dev/null; then
  got=$(bash -c '. "$1"; COMP_WORDS=(evalreport ren); COMP_CWORD=1; _evalreport; echo "${COMPREPLY[*]}";
    COMP_WORDS=(evalreport render --for); COMP_CWORD=2; _evalreport; echo "${COMPREPLY[*]}";
    COMP_WORDS=(evalreport render --format ""); COMP_CWORD=3; _evalreport; echo "${COMPREPLY[*]}"' \
    _ "$work/moved/share/bash-completion/completions/evalreport")
  [ "$got" = "render
--format
pdf html xlsx" ] || bad "bash completion gave: $got"
fi
[ "$fail" = 0 ] && echo "ok installed into a prefix, moved, rendered from there"
exit "$fail"
