# shellcheck shell=sh
# tests/scale-data.sh: sourced by tests/scale.sh and bench/scaling.sh.
#
# scale_data N FILE: N leaf indicators (a multiple of 100) into FILE, ten
# under each second-level indicator and ten of those under each first-level
# one, with weights that add up exactly
scale_data() {
  awk -v n="$1" 'BEGIN {
    l1 = n / 100
    printf "evalreport: 1\nproject:\n  name: 规模测试%d\n  year: 2024\nindicators:\n", n
    for (a = 0; a < l1; a++) {
      printf "  - code: A%d\n    name: 一级指标%d\n    weight: %s\n    children:\n", a, a, w(100 / l1)
      for (b = 0; b < 10; b++) {
        printf "      - code: A%d.%d\n        name: 二级指标%d.%d\n        weight: %s\n        children:\n", a, b, a, b, w(10 / l1)
        for (c = 0; c < 10; c++)
          printf "          - {code: A%d.%d.%d, name: 末级指标%d.%d.%d, weight: %s, rule: score, score: %s}\n",
            a, b, c, a, b, c, w(1 / l1), w(0.8 / l1)
      }
    }
  }
  function w(x) { s = sprintf("%.6f", x); sub(/0+$/, "", s); sub(/\.$/, "", s); return s }' >"$2"
}
