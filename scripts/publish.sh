#!/usr/bin/env bash
# Builds Hamgam as one self-contained executable per platform into artifacts/publish/<rid>/.
# Usage: scripts/publish.sh [rid ...]   (default: linux-x64 linux-arm64 win-x64 osx-arm64)
#
# Each file carries the .NET runtime, ASP.NET Core, the static web assets (CSS, the AntDesign and Blazor
# scripts, the Vazirmatn font) and the SQLite native library; on first start it unpacks them once into
# $DOTNET_BUNDLE_EXTRACT_BASE_DIR (default: the temp folder). The osx-arm64 file is not code-signed here: macOS asks
# for `codesign -s -` before it runs.
# HAMGAM_READY_TO_RUN=1 precompiles the code (ReadyToRun) so start-up waits less for the JIT; it is off by default
# because crossgen of every dependency takes many minutes on a small machine (see the README for measured figures).
set -euo pipefail
cd "$(dirname "$0")/.."
rids=("$@")
((${#rids[@]})) || rids=(linux-x64 linux-arm64 win-x64 osx-arm64)

for rid in "${rids[@]}"; do
  out="artifacts/publish/$rid"
  rm -rf "$out"
  echo "== $rid"
  dotnet publish src/Hamgam.Web/Hamgam.Web.csproj -c Release -r "$rid" -o "$out" \
    -p:SelfContained=true -p:PublishSingleFile=true -p:IncludeAllContentForSelfExtract=true \
    -p:EnableCompressionInSingleFile=true -p:PublishReadyToRun="$([ "${HAMGAM_READY_TO_RUN:-0}" = 1 ] && echo true || echo false)" \
    -p:DebugType=none -nologo -v:minimal -clp:ErrorsOnly
  # The single file is the product; anything left beside it (symbols, a web.config) is not needed to run.
  find "$out" -mindepth 1 -maxdepth 1 ! -name 'hamgam' ! -name 'hamgam.exe' -exec rm -rf {} +
  ls -l "$out"
done
