# bash completion for evalreport                          -*- shell-script -*-
_evalreport() {
  local cur prev cmd
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD - 1]}
  local commands="check score render batch serve init schema version help"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "$commands --help --version -V" -- "$cur"))
    return
  fi
  cmd=${COMP_WORDS[1]}
  case $prev in
  --format)
    if [ "$cmd" = batch ]; then
      COMPREPLY=($(compgen -W "pdf html xlsx pdf,html,xlsx pdf,xlsx html,xlsx" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "pdf html xlsx" -- "$cur"))
    fi
    return
    ;;
  --kind)
    COMPREPLY=($(compgen -W "full self" -- "$cur"))
    return
    ;;
  -o | --output | --template)
    COMPREPLY=($(compgen -d -- "$cur"))
    return
    ;;
  --port | --host | -j | --jobs)
    return
    ;;
  esac
  local opts=""
  case $cmd in
  check) opts="--json --quiet -q --help" ;;
  score) opts="--json --help" ;;
  render) opts="--output -o --format --template --draft --help" ;;
  batch) opts="--output -o --jobs -j --format --template --help" ;;
  serve) opts="--port --host --template --help" ;;
  init) opts="--kind --outline --help" ;;
  help)
    COMPREPLY=($(compgen -W "$commands" -- "$cur"))
    return
    ;;
  *) opts="--help" ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [ "$cmd" != init ]; then
    COMPREPLY=($(compgen -f -X '!*.@(yaml|yml|json)' -- "$cur") $(compgen -d -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _evalreport evalreport
